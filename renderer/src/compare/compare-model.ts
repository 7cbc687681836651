// Pure helpers of the compare view: filtering and sorting rows, the raw stack of a row in one
// snapshot, and the frame-level diff of two stacks (longest common subsequence).
import { alignKey, type AlignStatus, type MatchMode } from '../../../analysis/align';
import type { ComparedGroup } from '../../../analysis/compare';
import type { Frame, GoroutineGroup, GoroutineProfile } from '../../../parsers/model';

export type SortKey = 'growth' | 'delta' | 'pct' | 'first' | 'last' | 'function' | 'state' | 'minutes';
export type StatusFilter = 'all' | 'changed' | AlignStatus;

export interface RowQuery {
  readonly text: string;
  readonly status: StatusFilter;
  readonly sort: SortKey;
  /** 1 ascending, -1 descending. */
  readonly dir: 1 | -1;
}

export const DEFAULT_QUERY: RowQuery = { text: '', status: 'all', sort: 'growth', dir: -1 };

const lastOf = (g: ComparedGroup) => g.counts[g.counts.length - 1] ?? 0;
const maxMinutes = (g: ComparedGroup) => Math.max(0, ...g.waitMinutes.map((m) => m?.max ?? 0));
export const statesOf = (g: ComparedGroup): string => [...new Set(g.states.flat())].join(', ');
/** The runtime's states, else the one the park site suggests, marked as inferred. */
export const stateLabel = (g: ComparedGroup): { text: string; inferred: boolean } => {
  const s = statesOf(g);
  return s ? { text: s, inferred: false } : { text: g.inferredState ?? '', inferred: !!g.inferredState };
};

function matches(g: ComparedGroup, words: string[]): boolean {
  if (words.length === 0) return true;
  const hay = `${g.function}\n${g.signature}\n${stateLabel(g).text}\n${g.blockedAt ? `${g.blockedAt.file}:${g.blockedAt.line}` : ''}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

function compareBy(key: SortKey, a: ComparedGroup, b: ComparedGroup): number {
  switch (key) {
    // "Growth": delta first (the LeakProf signal: many goroutines added at one site), then the
    // relative growth, then size.
    case 'growth':
      return a.delta - b.delta || cmpPct(a.growthPct, b.growthPct) || lastOf(a) - lastOf(b);
    case 'delta':
      return a.delta - b.delta;
    case 'pct':
      return cmpPct(a.growthPct, b.growthPct);
    case 'first':
      return (a.counts[0] ?? 0) - (b.counts[0] ?? 0);
    case 'last':
      return lastOf(a) - lastOf(b);
    case 'function':
      return a.function.localeCompare(b.function);
    case 'state':
      return stateLabel(a).text.localeCompare(stateLabel(b).text);
    case 'minutes':
      return maxMinutes(a) - maxMinutes(b);
  }
}

function cmpPct(a: number, b: number): number {
  if (a === b) return 0;
  return a > b ? 1 : -1;
}

export function filterRows(groups: readonly ComparedGroup[], q: RowQuery): ComparedGroup[] {
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = groups.filter(
    (g) => (q.status === 'all' || (q.status === 'changed' ? g.status !== 'same' : g.status === q.status)) && matches(g, words),
  );
  return rows.sort((a, b) => q.dir * compareBy(q.sort, a, b) || (a.signature < b.signature ? -1 : 1));
}

/** The group of `profile` that a row stands for (largest when several merge), with its raw stack. */
export function groupIn(profile: GoroutineProfile, signature: string, mode: MatchMode): GoroutineGroup | undefined {
  let best: GoroutineGroup | undefined;
  for (const g of profile.groups) {
    if (alignKey(g.stack, mode) === signature && (!best || g.count > best.count)) best = g;
  }
  return best;
}

export interface DiffFrame {
  readonly frame: Frame;
  /** Not matched in the other stack (function + file:line compared). */
  readonly changed: boolean;
  /** Matched by function but the line differs. */
  readonly lineChanged: boolean;
}

const key = (f: Frame) => `${f.func} ${f.file}:${f.line}`;

/** Marks the frames of `a` and `b` outside their longest common subsequence of functions. */
export function diffStacks(a: readonly Frame[], b: readonly Frame[]): { a: DiffFrame[]; b: DiffFrame[] } {
  const n = a.length;
  const m = b.length;
  // Stacks are at most 128 frames (Go 1.23+; 100 printed by debug=2): the table is ≤ 129².
  const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = a[i].func === b[j].func ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const ma = new Array<number>(n).fill(-1);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i].func === b[j].func) {
      ma[i] = j;
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  const mb = new Array<number>(m).fill(-1);
  ma.forEach((jj, ii) => {
    if (jj >= 0) mb[jj] = ii;
  });
  return {
    a: a.map((f, k) => ({ frame: f, changed: ma[k] < 0, lineChanged: ma[k] >= 0 && key(b[ma[k]]) !== key(f) })),
    b: b.map((f, k) => ({ frame: f, changed: mb[k] < 0, lineChanged: mb[k] >= 0 && key(a[mb[k]]) !== key(f) })),
  };
}

/** "12 ms", "1.4 MB", "1,204": a value in a profile's unit. */
export function formatValue(v: number, unit: string): string {
  const abs = Math.abs(v);
  if (unit === 'bytes') {
    if (abs < 1000) return `${v} B`;
    const u = ['kB', 'MB', 'GB', 'TB'];
    let x = v / 1000;
    let i = 0;
    while (Math.abs(x) >= 1000 && i < u.length - 1) {
      x /= 1000;
      i++;
    }
    return `${x.toFixed(Math.abs(x) < 10 ? 1 : 0)} ${u[i]}`;
  }
  if (unit === 'nanoseconds') {
    if (abs < 1e3) return `${v} ns`;
    if (abs < 1e6) return `${(v / 1e3).toFixed(1)} µs`;
    if (abs < 1e9) return `${(v / 1e6).toFixed(abs < 1e7 ? 2 : 1)} ms`;
    return `${(v / 1e9).toFixed(2)} s`;
  }
  return v.toLocaleString('en-US');
}
