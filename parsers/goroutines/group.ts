// Goroutines → groups. A debug=2 group is keyed by the stack signature plus everything the
// header and creator say about it (state, leaked, locked, bubble, creator location, labels), so
// a group never mixes states; ids and wait minutes (min–max) are collected per group.
import type { GoroutineGroup, GoroutineRecord } from '../model/profile-model';
import { stackSignature } from '../model/stack';
import type { RawGoroutine } from './debug2';

export function labelSuffix(labels: Readonly<Record<string, string>> | undefined): string {
  if (!labels) return '';
  const keys = Object.keys(labels).sort();
  if (!keys.length) return '';
  return `\n{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ')}}`;
}

export function debug2Signature(g: RawGoroutine): string {
  let flags = g.state;
  if (g.leaked) flags += ' (leaked)';
  if (g.locked) flags += ', locked to thread';
  if (g.bubble !== undefined) flags += `, synctest bubble ${g.bubble}`;
  let sig = `${stackSignature(g.frames)}\n[${flags}]`;
  if (g.elided !== undefined) sig += `\n...${g.elided} frames elided...`;
  if (g.createdBy) sig += `\ncreated by ${g.createdBy.func} ${g.createdBy.file}:${g.createdBy.line}`;
  return sig + labelSuffix(g.labels);
}

interface Acc {
  group: Omit<GoroutineGroup, 'count' | 'ids' | 'waitMinutes'>;
  ids: number[];
  min?: number;
  max?: number;
  durable: boolean;
}

/** Goroutines → groups and per-goroutine records, all at once (see GoroutineGrouper). */
export function groupGoroutines(raw: readonly RawGoroutine[]): { groups: GoroutineGroup[]; records: GoroutineRecord[] } {
  const g = new GoroutineGrouper();
  for (const r of raw) g.add(r);
  return g.finish();
}

interface TrieNode {
  children?: Map<object, TrieNode>;
  byRest?: Map<string, number>;
}

/**
 * Groups goroutines one at a time, so a streaming parse keeps only the records (not every
 * goroutine's parsed header and frame list). The parser interns Frame objects, so a trie over
 * frame identities names each distinct stack without building a per-goroutine string of it; the
 * full text signature is built once per group, not once per goroutine (100k goroutines → ~20
 * groups).
 */
export class GoroutineGrouper {
  private readonly accs: Acc[] = [];
  private readonly records: GoroutineRecord[] = [];
  private readonly root: TrieNode = {};

  get count(): number {
    return this.records.length;
  }

  add(g: RawGoroutine): void {
    let node = this.root;
    for (const f of g.frames) {
      let c = node.children?.get(f);
      if (!c) (node.children ??= new Map()).set(f, (c = {}));
      node = c;
    }
    let key = `${g.state}\u0001${g.leaked ? 'L' : ''}${g.locked ? 'T' : ''}${g.bubble ?? ''}\u0001${g.elided ?? ''}`;
    if (g.createdBy) key += `\u0001${g.createdBy.func} ${g.createdBy.file}:${g.createdBy.line}`;
    if (g.labels) key += labelSuffix(g.labels);
    const byKey = (node.byRest ??= new Map());
    let idx = byKey.get(key);
    if (idx === undefined) {
      const sig = debug2Signature(g);
      idx = this.accs.length;
      byKey.set(key, idx);
      this.accs.push({
        group: {
          signature: sig,
          stack: g.frames,
          state: g.state,
          ...(g.locked ? { lockedToThread: true } : {}),
          ...(g.createdBy ? { createdBy: stripParent(g.createdBy) } : {}),
          ...(g.leaked ? { leaked: true } : {}),
          ...(g.labels ? { labels: g.labels } : {}),
          ...(g.bubble !== undefined ? { bubble: g.bubble } : {}),
          ...(g.elided !== undefined ? { elidedFrames: g.elided } : {}),
        },
        ids: [],
        durable: false,
      });
    }
    const a = this.accs[idx];
    a.ids.push(g.id);
    a.durable ||= g.durable;
    // Goroutines blocked less than a minute (or never seen by a GC) print no minutes: count 0.
    const minutes = g.minutes ?? 0;
    a.min = a.min === undefined ? minutes : Math.min(a.min, minutes);
    a.max = a.max === undefined ? minutes : Math.max(a.max, minutes);
    const r: { -readonly [K in keyof GoroutineRecord]: GoroutineRecord[K] } = {
      id: g.id,
      group: idx,
      state: g.state,
      lockedToThread: g.locked,
      leaked: g.leaked,
      frameCount: g.frames.length,
      line: g.line,
    };
    if (g.minutes !== undefined) r.waitMinutes = g.minutes;
    if (g.elided !== undefined) r.elided = g.elided;
    if (g.createdBy) r.createdBy = g.createdBy;
    if (g.labels) r.labels = g.labels;
    if (g.ancestors) r.ancestors = g.ancestors.map((a) => ({ id: a.id, stack: a.frames, ...(a.createdBy ? { createdBy: a.createdBy } : {}) }));
    this.records.push(r);
  }

  finish(): { groups: GoroutineGroup[]; records: GoroutineRecord[] } {
    const groups: GoroutineGroup[] = this.accs.map((a) => ({
      ...a.group,
      count: a.ids.length,
      ids: a.ids,
      ...(a.max ? { waitMinutes: { min: a.min ?? 0, max: a.max } } : {}),
      ...(a.durable ? { durable: true } : {}),
    }));
    return { groups, records: this.records };
  }
}

/** The creator of a group: same `go` statement, whichever parent ran it. */
function stripParent(c: NonNullable<RawGoroutine['createdBy']>) {
  return { func: c.func, file: c.file, line: c.line };
}
