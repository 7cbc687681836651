// Aligns N goroutine profiles of one process (any mix of debug=0/1/2 and goroutineleak) by stack,
// so growth per stack can be read off: the core of `leakline diff`, the compare view (issue 9) and
// the snapshot-growth signal of the leak analysis.
// Keys ignore what differs between formats of the same moment: debug=1 hides the leading
// runtime.* frames that debug=0 and debug=2 show, debug=2 splits groups by wait state, and
// runtime.goexit appears in some forms only. So the key is the stack with leading runtime frames
// and a trailing runtime.goexit removed, as function+file:line ('stack') or function ('function').
import { functionSignature, stackSignature, type Frame, type GoroutineGroup, type GoroutineProfile } from '../parsers/model';
import { blockingFrame, entryFunction, frameToSite, isRuntimeFunction } from './frames';
import { inferFromStack, waitReasonLabel } from './wait-class';

export type { AlignStatus, AlignedGroup, MatchMode } from '../parsers/model/compare-result';
import type { AlignedGroup, AlignStatus, MatchMode } from '../parsers/model/compare-result';

export interface Alignment {
  readonly mode: MatchMode;
  readonly groups: readonly AlignedGroup[];
  readonly totals: readonly number[];
}

// runtime.X with a lower-case X: debug=2 (traceback level 1) never prints these, debug=0/1 do.
const UNEXPORTED_RUNTIME = /^runtime\.[a-z_]/;

/**
 * Drops the frames that one format shows and another hides: leading runtime frames (debug=1 hides
 * them), unexported runtime.* frames anywhere (debug=2 hides runtime.main, runtime.goexit,
 * runtime.gopark…; debug=0 keeps them) and internal/runtime frames.
 */
export function normalizeStack(stack: readonly Frame[]): readonly Frame[] {
  let start = 0;
  while (start < stack.length - 1 && isRuntimeFunction(stack[start].func)) start++;
  let changed = start > 0;
  const out: Frame[] = [];
  for (let i = start; i < stack.length; i++) {
    const f = stack[i].func;
    if (UNEXPORTED_RUNTIME.test(f) || f.startsWith('internal/runtime/')) changed = true;
    else out.push(stack[i]);
  }
  if (out.length === 0) return stack.slice(start, start + 1);
  return changed ? out : stack;
}

// The goroutine that writes the profile appears in every snapshot, but its stack is the
// writer's own: debug=0/1 go through writeRuntimeProfile, debug=2 through writeGoroutineStacks,
// and the caller's line differs per WriteTo call (harness.go:131/132/133 in the corpus). It is
// matched by its callers' functions only, so one moment in two formats compares as identical.
const PROFILE_WRITER = /^(runtime\/pprof\.(writeGoroutine|writeGoroutineStacks|writeRuntimeProfile|\(\*Profile\)\.WriteTo)|runtime\.Stack|runtime\/pprof\.Lookup)$/;
export const PROFILE_WRITER_KEY = '(goroutine writing this profile)';

/** Index of the outermost profile-writing frame, or -1 when the goroutine is not the writer. */
export function profileWriterDepth(stack: readonly Frame[]): number {
  for (let i = stack.length - 1; i >= 0; i--) if (PROFILE_WRITER.test(stack[i].func)) return i;
  return -1;
}

export function alignKey(stack: readonly Frame[], mode: MatchMode): string {
  const s = normalizeStack(stack);
  const w = profileWriterDepth(s);
  if (w >= 0) return `${PROFILE_WRITER_KEY}\n${functionSignature(s.slice(w + 1))}`;
  return mode === 'stack' ? stackSignature(s) : functionSignature(s);
}

interface Acc {
  stack: readonly Frame[];
  counts: number[];
  states: Set<string>[];
  minutes: ({ min: number; max: number } | undefined)[];
  leaked: number[];
  ids: number[][];
  createdBy?: GoroutineGroup['createdBy'];
  inferred?: string | null;
}

/**
 * A goroutineleak profile in debug=0/1 form lists leaked goroutines only (every one is proven);
 * in debug=2 form it lists all goroutines and marks the leaked ones "(leaked)".
 */
export function isLeakedGroup(p: GoroutineProfile, g: GoroutineGroup): boolean {
  return g.leaked === true || (p.profileType === 'goroutineleak' && p.format !== 'goroutine-debug2');
}

export function statusOf(counts: readonly number[]): AlignStatus {
  const first = counts[0] ?? 0;
  const last = counts[counts.length - 1] ?? 0;
  if (first === 0 && last > 0) return 'new';
  if (first > 0 && last === 0) return 'vanished';
  if (last > first) return 'grown';
  if (last < first) return 'shrunk';
  return 'same';
}

export function growsEveryInterval(counts: readonly number[]): boolean {
  if (counts.length < 2) return false;
  for (let i = 1; i < counts.length; i++) if (counts[i] <= counts[i - 1]) return false;
  return true;
}

interface KeyNode {
  readonly next: Map<Frame, KeyNode>;
  key?: string;
}

/**
 * alignKey memoised by frame identity. The proto parser shares Frame objects per location, and
 * a labelled profile repeats one stack in thousands of groups (one per label set): 100k groups
 * over 25 stacks then cost 100k short trie walks instead of 100k signature strings.
 */
function keyCache(mode: MatchMode): (stack: readonly Frame[]) => string {
  const root: KeyNode = { next: new Map() };
  return (stack) => {
    let node = root;
    for (const f of stack) {
      let nx = node.next.get(f);
      if (!nx) {
        nx = { next: new Map() };
        node.next.set(f, nx);
      }
      node = nx;
    }
    return (node.key ??= alignKey(stack, mode));
  };
}

export function alignProfiles(profiles: readonly GoroutineProfile[], mode: MatchMode = 'stack'): Alignment {
  const n = profiles.length;
  const byKey = new Map<string, Acc>();
  const keyOf = keyCache(mode);
  profiles.forEach((p, i) => {
    for (const g of p.groups) {
      const key = keyOf(g.stack);
      let acc = byKey.get(key);
      if (!acc) {
        acc = {
          stack: normalizeStack(g.stack),
          counts: new Array<number>(n).fill(0),
          states: Array.from({ length: n }, () => new Set<string>()),
          minutes: new Array(n).fill(undefined),
          leaked: new Array<number>(n).fill(0),
          ids: Array.from({ length: n }, () => []),
        };
        byKey.set(key, acc);
      }
      acc.counts[i] += g.count;
      if (g.state) acc.states[i].add(g.state);
      if (g.waitMinutes) {
        const m = acc.minutes[i];
        acc.minutes[i] = m
          ? { min: Math.min(m.min, g.waitMinutes.min), max: Math.max(m.max, g.waitMinutes.max) }
          : { ...g.waitMinutes };
      }
      // A goroutineleak profile lists leaked goroutines only: every one of them is proven.
      if (isLeakedGroup(p, g)) acc.leaked[i] += g.count;
      if (g.ids) for (const id of g.ids) acc.ids[i].push(id);
      acc.createdBy ??= g.createdBy;
      // Inferred once per row, from the first stateless raw stack (runtime frames still present).
      if (!g.state && acc.inferred === undefined) {
        const cls = inferFromStack(g.stack);
        acc.inferred = cls === 'gc-system' ? 'runtime (system goroutine)' : cls ? waitReasonLabel(cls) : null;
      }
    }
  });
  const groups: AlignedGroup[] = [];
  for (const [signature, acc] of byKey) {
    const bf = blockingFrame(acc.stack);
    groups.push({
      signature,
      function: entryFunction(acc.stack),
      blockedAt: bf ? frameToSite(bf) : undefined,
      stack: acc.stack,
      counts: acc.counts,
      delta: (acc.counts[n - 1] ?? 0) - (acc.counts[0] ?? 0),
      status: statusOf(acc.counts),
      growsEveryInterval: growsEveryInterval(acc.counts),
      states: acc.states.map((s) => [...s].sort()),
      waitMinutes: acc.minutes,
      leaked: acc.leaked,
      ids: acc.ids.map((a) => a.sort((x, y) => x - y)),
      createdBy: acc.createdBy,
      ...(acc.inferred ? { inferredState: acc.inferred } : {}),
    });
  }
  // Growth first (the strongest signal), then size, then signature for a stable order.
  groups.sort(
    (a, b) =>
      b.delta - a.delta ||
      (b.counts[n - 1] ?? 0) - (a.counts[n - 1] ?? 0) ||
      (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0),
  );
  return { mode, groups, totals: profiles.map((p) => p.total) };
}
