// The row list: which goroutines are shown, in what order, under which group headers. Pure and
// recomputed only when a filter, grouping or sort changes (never on pan or zoom).
import type { TraceModel } from '../../../parsers/model';
import { confidenceRank } from '../../../analysis/verdict';
import { blockedForNs, confidenceOf, type LeakIndex } from './leak-marks';
import { finalKind, type SpanKind } from './span-kind';

export type GroupBy = 'none' | 'start' | 'creation';
export type SortBy = 'id' | 'created' | 'blocked' | 'group-size';
export type LifeFilter = 'any' | 'alive' | 'exited';

export interface RowOptions {
  readonly query: string;
  /** Final-state kinds to keep; empty keeps all. */
  readonly kinds: ReadonlySet<SpanKind>;
  /** Alive at the end of the trace, exited during it, or either (the default). */
  readonly life?: LifeFilter;
  readonly suspectsOnly: boolean;
  /** Leave out the runtime's own goroutines (GC workers, sweeper, finalizers, trace reader): on by default. */
  readonly hideRuntime?: boolean;
  readonly minBlockedNs: number;
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  readonly collapsed: ReadonlySet<string>;
  /** Only these goroutine ids (the suspects panel's selected verdict); null shows all. */
  readonly onlyIds?: ReadonlySet<number> | null;
}

export const DEFAULT_ROW_OPTIONS: RowOptions = {
  query: '',
  kinds: new Set(),
  suspectsOnly: false,
  hideRuntime: true,
  minBlockedNs: 0,
  groupBy: 'none',
  sortBy: 'id',
  collapsed: new Set(),
};

export interface RowGroup {
  readonly key: string;
  readonly label: string;
  readonly members: number[];
  /** Strongest confidence among the members (rank 0 when none is suspected). */
  readonly leakRank: number;
  readonly suspects: number;
  readonly collapsed: boolean;
}

export interface RowList {
  /** ≥ 0: goroutine row index; < 0: group header −(groupIndex + 1). */
  readonly rows: Int32Array;
  readonly groups: readonly RowGroup[];
  /** Goroutines passing the filters. */
  readonly matched: number;
}

export function startFunctionOf(m: TraceModel, row: number): string {
  return m.strings.strings[m.goroutines.startFunc[row]] || '(unknown)';
}

// The runtime's own goroutines start in runtime.* (except runtime.main, which runs main.main),
// runtime/trace or internal/ packages: what Go's isSystemGoroutine and gotraceui hide.
const RUNTIME_START = /^(runtime\.|runtime\/trace\.|internal\/)/;

export function isRuntimeGoroutine(m: TraceModel, row: number): boolean {
  const fn = m.strings.strings[m.goroutines.startFunc[row]] ?? '';
  return fn !== 'runtime.main' && RUNTIME_START.test(fn);
}

/** `func file:line` of the go statement that created the goroutine. */
export function creationSiteOf(m: TraceModel, row: number): string {
  const f = m.stacks.stacks[m.goroutines.creationStack[row]]?.[0];
  return f ? `${f.func} ${shortFile(f.file)}:${f.line}` : '(no creation site)';
}

export function shortFile(file: string): string {
  const parts = file.split('/');
  return parts.slice(-2).join('/');
}

/** A query: "/re/" is a case-insensitive regex, "#12" or "12" also matches the id exactly. */
export function compileQuery(q: string): ((text: string, id: number) => boolean) | null {
  const t = q.trim();
  if (!t) return null;
  const re = /^\/(.+)\/([a-z]*)$/.exec(t);
  if (re) {
    try {
      const rx = new RegExp(re[1], re[2].includes('i') ? re[2] : re[2] + 'i');
      return (text, id) => rx.test(text) || rx.test(String(id));
    } catch {
      return () => false; // an unfinished regex matches nothing rather than everything
    }
  }
  const idq = /^#?(\d+)$/.exec(t);
  const lower = t.toLowerCase();
  return (text, id) => (idq !== null && id === Number(idq[1])) || text.toLowerCase().includes(lower);
}

export function buildRows(m: TraceModel, leaks: LeakIndex, o: RowOptions): RowList {
  const g = m.goroutines;
  const match = compileQuery(o.query);
  const cache = new Map<number, SpanKind>();
  const keep: number[] = [];
  for (let r = 0; r < g.count; r++) {
    if (o.onlyIds && !o.onlyIds.has(g.id[r])) continue;
    if (o.suspectsOnly && confidenceOf(leaks, m, r) === undefined) continue;
    if (o.hideRuntime && isRuntimeGoroutine(m, r)) continue;
    if (o.minBlockedNs > 0 && blockedForNs(m, r) < o.minBlockedNs) continue;
    if (o.life === 'alive' && !Number.isNaN(g.endNs[r])) continue;
    if (o.life === 'exited' && Number.isNaN(g.endNs[r])) continue;
    if (o.kinds.size > 0 && !o.kinds.has(finalKind(m, r, cache))) continue;
    // Each field on its own, so ^…$ anchors in a regex mean what they say.
    if (match && !match(startFunctionOf(m, r), g.id[r]) && !match(creationSiteOf(m, r), g.id[r])) continue;
    keep.push(r);
  }
  const rank = (r: number) => {
    const c = confidenceOf(leaks, m, r);
    return c ? confidenceRank(c) : 0;
  };
  const created = (r: number) => (Number.isNaN(g.createdNs[r]) ? -1 : g.createdNs[r]);
  const byKey: Record<SortBy, (a: number, b: number) => number> = {
    id: (a, b) => g.id[a] - g.id[b],
    created: (a, b) => created(a) - created(b) || g.id[a] - g.id[b],
    blocked: (a, b) => blockedForNs(m, b) - blockedForNs(m, a) || g.id[a] - g.id[b],
    'group-size': (a, b) => g.id[a] - g.id[b],
  };
  const cmp = byKey[o.sortBy];
  // Suspects first when the list is about suspects, or sorted by how long things were stuck.
  const leakFirst = o.suspectsOnly || o.sortBy === 'blocked';
  const sortRows = (rows: number[]) => rows.sort(leakFirst ? (a, b) => rank(b) - rank(a) || cmp(a, b) : cmp);
  if (o.groupBy === 'none') {
    if (o.sortBy === 'group-size') {
      // Without groups, "group size" sorts by how many goroutines share the start function.
      const size = new Map<number, number>();
      for (const r of keep) size.set(g.startFunc[r], (size.get(g.startFunc[r]) ?? 0) + 1);
      keep.sort((a, b) => (leakFirst ? rank(b) - rank(a) : 0) || size.get(g.startFunc[b])! - size.get(g.startFunc[a])! || g.startFunc[a] - g.startFunc[b] || g.id[a] - g.id[b]);
    } else sortRows(keep);
    return { rows: Int32Array.from(keep), groups: [], matched: keep.length };
  }
  const keyOf = o.groupBy === 'start' ? (r: number) => startFunctionOf(m, r) : (r: number) => creationSiteOf(m, r);
  const map = new Map<string, number[]>();
  for (const r of keep) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  const groups: RowGroup[] = [...map].map(([key, members]) => {
    sortRows(members);
    let leakRank = 0;
    let suspects = 0;
    for (const r of members) {
      const k = rank(r);
      if (k > 0) suspects++;
      if (k > leakRank) leakRank = k;
    }
    return { key, label: key, members, leakRank, suspects, collapsed: o.collapsed.has(key) };
  });
  groups.sort(
    (a, b) =>
      b.leakRank - a.leakRank ||
      (o.sortBy === 'group-size' || o.sortBy === 'blocked' ? b.members.length - a.members.length : 0) ||
      (o.sortBy === 'id' || o.sortBy === 'created' ? cmp(a.members[0], b.members[0]) : 0) ||
      (a.key < b.key ? -1 : 1),
  );
  let n = 0;
  for (const gr of groups) n += 1 + (gr.collapsed ? 0 : gr.members.length);
  const rows = new Int32Array(n);
  let i = 0;
  groups.forEach((gr, gi) => {
    rows[i++] = -(gi + 1);
    if (!gr.collapsed) for (const r of gr.members) rows[i++] = r;
  });
  return { rows, groups, matched: keep.length };
}
