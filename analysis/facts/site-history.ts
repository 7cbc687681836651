// The wake-up history of every blocking line in a trace: who woke goroutines parked there, when,
// and how long the completed waits lasted. The trace records no channel or lock identity, but it
// does record, for every unblock, the goroutine that did it (GoUnblock's goroutine) and its stack;
// a line's wakers are the goroutines that have been the other end of the operation parked there.
// One pass over the spans, goroutine by goroutine; memory is one small record per distinct
// blocking line plus the distinct wakers of each line.
import { GoroutineSpans, GoState, type Frame, type ParsedTrace } from '../../parsers/model';
import { blockingFrame } from '../frames';

export interface SiteHistory {
  /** Site index of a stack's blocking line (func + line); -1 when the stack has no blocking frame. */
  siteOf(stackId: number): number;
  /** Latest time a goroutine was woken (by a goroutine) from a wait at the site; -Infinity if never. */
  lastWakeNs(site: number): number;
  /** Longest completed wait (block → wake by a goroutine) at the site; 0 if none. */
  longestWaitNs(site: number): number;
  /** Distinct goroutine ids that woke anyone at the site. */
  wakers(site: number): ReadonlySet<number>;
  /** Latest time anyone was woken by a waker standing in this function (the waker's blocking function). */
  lastWakeFromFunc(func: string): number;
  /** Blocking frame per stack id (memoised; undefined when the stack has none). */
  blockingOf(stackId: number): Frame | undefined;
}

/** Interned id of the "preempted" block reason: GC/tracer parks that resume without a partner. */
export function preemptedReason(m: ParsedTrace): number {
  return m.strings.strings.indexOf('preempted');
}

/** True when span i of one goroutine's spans is a wake-up: Runnable right after a Waiting span that was not a preemption. */
export function isWake(S: GoroutineSpans, i: number, preempted: number): boolean {
  return i > 0 && S.state[i] === GoState.Runnable && S.state[i - 1] === GoState.Waiting && S.reason[i - 1] !== preempted;
}

const NO_WAKERS: ReadonlySet<number> = new Set();

export function siteHistory(m: ParsedTrace): SiteHistory {
  const stacks = m.stacks.stacks;
  const bfMemo = new Array<Frame | null | undefined>(stacks.length);
  const blockingOf = (id: number): Frame | undefined => {
    let f = bfMemo[id];
    if (f === undefined) f = bfMemo[id] = blockingFrame(stacks[id] ?? []) ?? null;
    return f ?? undefined;
  };
  const siteOfStack = new Int32Array(stacks.length).fill(-2);
  const siteIndex = new Map<string, number>();
  const siteOf = (stackId: number): number => {
    let s = siteOfStack[stackId];
    if (s !== -2) return s;
    const f = blockingOf(stackId);
    if (!f) s = -1;
    else {
      const key = `${f.func}\n${f.line}`;
      s = siteIndex.get(key) ?? siteIndex.size;
      if (s === siteIndex.size) siteIndex.set(key, s);
    }
    siteOfStack[stackId] = s;
    return s;
  };
  // Per-site records, indexed by site; sites are discovered while scanning.
  const lastWake: number[] = [];
  const longest: number[] = [];
  const wakerSets: Set<number>[] = [];
  const fromFunc = new Map<string, number>();
  const G = m.goroutines;
  const S = new GoroutineSpans();
  const preempted = preemptedReason(m);
  for (let r = 0; r < G.count; r++) {
    const n = m.spans.read(r, S);
    for (let i = 1; i < n; i++) {
      if (!isWake(S, i, preempted)) continue;
      const waker = S.wakerId[i];
      if (waker < 0) continue; // a timer or the runtime: no partner goroutine
      const wf = blockingOf(S.wakerStack[i])?.func;
      if (wf && (fromFunc.get(wf) ?? -Infinity) < S.startNs[i]) fromFunc.set(wf, S.startNs[i]);
      const site = siteOf(S.stack[i - 1]);
      if (site < 0) continue;
      while (lastWake.length <= site) {
        lastWake.push(-Infinity);
        longest.push(0);
        wakerSets.push(new Set());
      }
      if (lastWake[site] < S.startNs[i]) lastWake[site] = S.startNs[i];
      const waited = S.startNs[i] - S.startNs[i - 1];
      if (waited > longest[site]) longest[site] = waited;
      wakerSets[site].add(waker);
    }
  }
  return {
    siteOf: (stackId) => (stackId < siteOfStack.length ? siteOf(stackId) : -1),
    lastWakeNs: (site) => (site >= 0 && site < lastWake.length ? lastWake[site] : -Infinity),
    longestWaitNs: (site) => (site >= 0 && site < longest.length ? longest[site] : 0),
    wakers: (site) => (site >= 0 && site < wakerSets.length ? wakerSets[site] : NO_WAKERS),
    lastWakeFromFunc: (func) => fromFunc.get(func) ?? -Infinity,
    blockingOf,
  };
}
