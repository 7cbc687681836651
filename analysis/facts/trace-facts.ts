// Facts about every goroutine parked when an execution trace ends. A trace shows what happened
// before the end, not only where goroutines are parked: who woke them and when, whether their
// creator and partners are still there, whether their line is still served. Linear in goroutines
// and spans; per-stack and per-site work is memoised (a trace has a few thousand stacks and lines
// and up to millions of goroutines).
import { GoroutineSpans, GoState, type Frame, type ParsedTrace } from '../../parsers/model';
import { creationFrame, entryFunction, frameToSite } from '../frames';
import { fingerprint } from '../fingerprint';
import { ignoreReason, type IgnoreRules } from '../ignore';
import { classifyTraceReason, PARTNER_CLASSES } from '../wait-class';
import { allocateFacts, finishFacts } from './columns';
import { FunctionActivityBuilder } from './function-activity';
import { Interner, pack, QuadMap } from './keys';
import { classIndex, NO, YES, type GroupInfo, type ParkedFacts } from './parked';
import { isWake, preemptedReason, siteHistory, type SiteHistory } from './site-history';

/** A waker parked at least this fraction of the trace, at a line nobody ever served for it, is stuck itself. */
export const STUCK_WAKER_FRACTION = 0.5;
/** A wait this many times the longest completed wait at its line is an outlier. */
export const OUTLIER_FACTOR = 10;
/** Rounds of stuck propagation through the wake-up graph. */
export const CHAIN_ROUNDS = 8;
/** Group growth: members created in the trace… */
export const GROWTH_MEMBERS = 3;
/** …over at least this fraction of it. */
export const GROWTH_SPREAD = 0.1;

export interface TraceFactsResult {
  readonly facts: ParkedFacts;
  readonly ignored: Record<string, number>;
  /** Trace row of each fact row. */
  readonly rows: Uint32Array;
}

const flag = (b: boolean): number => (b ? YES : NO);

/** Per trace row (parked rows only): its own wake-up history at the line it is parked at. */
interface WakeHistory {
  readonly runs: Uint32Array;
  readonly wakes: Uint32Array;
  /** Wake-ups by a goroutine from a wait at the line it is parked at now. */
  readonly siteWakes: Uint32Array;
  readonly timerSiteWakes: Uint32Array;
  /** The last such wake-up: its time (NaN if none), waker id and waker stack. */
  readonly lastSiteWakeNs: Float64Array;
  readonly lastSiteWaker: Float64Array;
  readonly lastSiteWakerStack: Uint32Array;
}

/**
 * Goroutines that nothing alive can wake, propagated through the wake-up graph: a goroutine parked
 * for most of the trace in a wait on another goroutine, at a line where it was never served, is
 * stuck; so is one whose line's wakers have all exited or are stuck themselves (A waits for a lock
 * whose holder B waits forever on a channel). Iterated to a fixed point (chains are short; the
 * loop stops after CHAIN_ROUNDS rounds in any case).
 */
function stuckGoroutines(
  m: ParsedTrace,
  h: SiteHistory,
  rowOfId: ReadonlyMap<number, number>,
  lastStack: (r: number) => number,
  siteWakes: Uint32Array,
  parkedFor: (r: number) => number,
): Uint8Array {
  const G = m.goroutines;
  const str = m.strings.strings;
  const stuck = new Uint8Array(G.count);
  const candidates: number[] = [];
  for (let r = 0; r < G.count; r++) {
    if (G.finalState[r] !== GoState.Waiting) continue;
    const stackId = lastStack(r);
    if (!PARTNER_CLASSES.has(classifyTraceReason(str[G.finalReason[r]] ?? '', m.stacks.stacks[stackId] ?? []))) continue;
    if (siteWakes[r] === 0 && parkedFor(r) >= STUCK_WAKER_FRACTION) stuck[r] = 1;
    else candidates.push(r);
  }
  for (let round = 0; round < CHAIN_ROUNDS; round++) {
    let changed = false;
    for (const r of candidates) {
      if (stuck[r]) continue;
      const wakers = h.wakers(h.siteOf(lastStack(r)));
      if (wakers.size === 0) continue;
      let all = true;
      for (const w of wakers) {
        const wr = rowOfId.get(w);
        if (wr === undefined || wr === r || (G.finalState[wr] !== GoState.NotExist && stuck[wr] !== 1)) {
          all = false;
          break;
        }
      }
      if (all) {
        stuck[r] = 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return stuck;
}

export function traceFacts(m: ParsedTrace, source: string, rules: IgnoreRules): TraceFactsResult {
  const G = m.goroutines;
  const S = new GoroutineSpans();
  const str = m.strings.strings;
  const stacks = m.stacks.stacks;
  const stackOf = (id: number): readonly Frame[] => stacks[id] ?? [];
  const dur = m.durationNs;
  const h = siteHistory(m);
  const preempted = preemptedReason(m);
  const rowOfId = new Map<number, number>();
  for (let r = 0; r < G.count; r++) rowOfId.set(G.id[r], r);

  const lastStack = (r: number): number => {
    if (G.finalStack[r] !== 0 && stackOf(G.finalStack[r]).length > 0) return G.finalStack[r];
    return m.spans.lastStack(r);
  };
  // Entry function and blocking function as dense ids (memoised per stack).
  const names = new Interner();
  const entryMemo = new Map<number, number>();
  const entryIdOf = (r: number): number => {
    if (G.startFunc[r] !== 0 && str[G.startFunc[r]]) return names.id(str[G.startFunc[r]]);
    const sid = lastStack(r);
    let id = entryMemo.get(sid);
    if (id === undefined) entryMemo.set(sid, (id = names.id(entryFunction(stackOf(sid)))));
    return id;
  };
  const entryOf = (r: number): string => names.values[entryIdOf(r)];
  const blockingIdMemo = new Map<number, number>();
  const blockingIdOf = (stackId: number): number => {
    let id = blockingIdMemo.get(stackId);
    if (id === undefined) blockingIdMemo.set(stackId, (id = names.id(h.blockingOf(stackId)?.func ?? '')));
    return id;
  };
  const cfMemo = new Map<number, Frame | null>();
  const creationOf = (r: number): Frame | undefined => {
    const id = G.creationStack[r];
    let f = cfMemo.get(id);
    if (f === undefined) cfMemo.set(id, (f = creationFrame(stackOf(id)) ?? null));
    return f ?? undefined;
  };
  // Siblings: same entry function *and* same go statement. A generic helper (a pool's Submit, an
  // errgroup-style Go) gives unrelated work one entry function; the creation site tells them apart.
  // (The go statement is the creation frame's function and line, interned like the names.)
  const siteIds = new Interner();
  const creationIdMemo = new Map<number, number>();
  const creationIdOf = (r: number): number => {
    const id = G.creationStack[r];
    let k = creationIdMemo.get(id);
    if (k === undefined) {
      const cf = creationOf(r);
      creationIdMemo.set(id, (k = siteIds.id(cf ? `${cf.func}:${cf.line}` : '')));
    }
    return k;
  };
  const siblingKey = (r: number): number => pack(entryIdOf(r), creationIdOf(r)) ?? -1;
  const siblings = new Map<number, { exited: number; busy: number }>();
  const exitedByEntry = new Map<number, number>();
  for (let r = 0; r < G.count; r++) {
    const st = G.finalState[r];
    if (st === GoState.Waiting) continue;
    const key = siblingKey(r);
    let acc = siblings.get(key);
    if (!acc) siblings.set(key, (acc = { exited: 0, busy: 0 }));
    if (st === GoState.NotExist) {
      acc.exited++;
      const e = entryIdOf(r);
      exitedByEntry.set(e, (exitedByEntry.get(e) ?? 0) + 1);
    } else acc.busy++;
  }
  const parkedFor = (r: number): number => {
    const since = Number.isNaN(G.createdNs[r]) && G.spanCount[r] <= 1 ? NaN : G.finalSinceNs[r];
    return Number.isNaN(since) ? 1 : dur > 0 ? (dur - since) / dur : 0;
  };
  const hist: WakeHistory = {
    runs: new Uint32Array(G.count),
    wakes: new Uint32Array(G.count),
    siteWakes: new Uint32Array(G.count),
    timerSiteWakes: new Uint32Array(G.count),
    lastSiteWakeNs: new Float64Array(G.count).fill(NaN),
    lastSiteWaker: new Float64Array(G.count).fill(-1),
    lastSiteWakerStack: new Uint32Array(G.count),
  };
  const recordHistory = (r: number): void => {
    const n = m.spans.read(r, S);
    const site = h.siteOf(lastStack(r));
    for (let k = 0; k < n; k++) {
      if (S.state[k] === GoState.Running) hist.runs[r]++;
      else if (isWake(S, k, preempted)) {
        hist.wakes[r]++;
        // Same line and same block reason: the other end of this very operation came before.
        const atSite = site >= 0 && h.siteOf(S.stack[k - 1]) === site && S.reason[k - 1] === G.finalReason[r];
        if (!atSite) continue;
        if (S.wakerId[k] < 0) hist.timerSiteWakes[r]++;
        else {
          hist.siteWakes[r]++;
          hist.lastSiteWakeNs[r] = S.startNs[k];
          hist.lastSiteWaker[r] = S.wakerId[k];
          hist.lastSiteWakerStack[r] = S.wakerStack[k];
        }
      }
    }
  };
  // Whether goroutine `row`'s most recent stack at or after `t` still contains `func`: the stack of
  // its last span that has one, unless a span from that one on began before `t` (spans are read
  // once per goroutine asked about: creators and wakers are asked about many times).
  const latest = new Map<number, { stack: number; minStartNs: number }>();
  const stillIn = (row: number, t: number, func: string): boolean | undefined => {
    let l = latest.get(row);
    if (l === undefined) {
      const n = m.spans.read(row, S);
      let i = n - 1;
      let minStartNs = Infinity;
      for (; i >= 0; i--) {
        if (S.startNs[i] < minStartNs) minStartNs = S.startNs[i];
        if (S.stack[i] !== 0) break;
      }
      latest.set(row, (l = { stack: i >= 0 ? S.stack[i] : 0, minStartNs }));
    }
    if (l.minStartNs < t || l.stack === 0) return undefined;
    return stackOf(l.stack).some((f) => f.func === func);
  };

  // Each parked goroutine's own wake-up history at the line it is parked at: needed for its own
  // facts and for judging its partners (a waker parked at a line nobody ever served is stuck).
  const activityBuilder = new FunctionActivityBuilder();
  for (let r = 0; r < G.count; r++) {
    const st = G.finalState[r];
    if (st === GoState.NotExist) continue;
    const stackId = lastStack(r);
    const stack = stackOf(stackId);
    const waits = st === GoState.Waiting && PARTNER_CLASSES.has(classifyTraceReason(str[G.finalReason[r]] ?? '', stack));
    activityBuilder.add(stack, waits);
  }
  const activity = activityBuilder.build();
  let capacity = 0;
  for (let r = 0; r < G.count; r++) {
    if (G.finalState[r] !== GoState.Waiting) continue;
    capacity++;
    recordHistory(r);
  }
  const stuck = stuckGoroutines(m, h, rowOfId, lastStack, hist.siteWakes, parkedFor);
  const c = allocateFacts(capacity);
  const rows = new Uint32Array(capacity);
  const groups: GroupInfo[] = [];
  const groupOfKey = new Map<number, number>();
  const groupCreated: { min: number; max: number; n: number; exitedKin: boolean }[] = [];
  const ignored: Record<string, number> = {};
  const ignoreMemo = new QuadMap<string | null>();
  let n = 0;
  for (let r = 0; r < G.count; r++) {
    if (G.finalState[r] !== GoState.Waiting) continue;
    const stackId = lastStack(r);
    const stack = stackOf(stackId);
    const reason = str[G.finalReason[r]] ?? '';
    const cls = classifyTraceReason(reason, stack);
    const entry = entryOf(r);
    const cf = creationOf(r);
    const k1 = pack(stackId, G.finalReason[r]);
    const k2 = pack(G.creationStack[r], entryIdOf(r));
    let why = k1 !== undefined && k2 !== undefined ? ignoreMemo.get(k1, k2) : undefined;
    if (why === undefined) {
      why = ignoreReason({ stack, waitClass: cls, createdBy: cf?.func, entryFunction: entry }, rules) ?? null;
      if (k1 !== undefined && k2 !== undefined) ignoreMemo.set(k1, k2, why);
    }
    if (why) {
      ignored[why] = (ignored[why] ?? 0) + 1;
      continue;
    }
    const i = n++;
    rows[i] = r;
    c.id[i] = G.id[r];
    c.waitClass[i] = classIndex(cls);
    c.gcProven[i] = NO;
    const site = h.siteOf(stackId);
    const runs = hist.runs[r];
    const wakes = hist.wakes[r];
    const siteWakes = hist.siteWakes[r];
    const timerSiteWakes = hist.timerSiteWakes[r];
    const lastSiteWakeNs = hist.lastSiteWakeNs[r];
    const hasSiteWake = !Number.isNaN(lastSiteWakeNs);
    const createdNs = G.createdNs[r];
    const createdInTrace = !Number.isNaN(createdNs);
    const beforeTrace = !createdInTrace && G.spanCount[r] <= 1;
    const sinceNs = beforeTrace ? -Infinity : G.finalSinceNs[r];
    const fraction = parkedFor(r);
    c.parkedFraction[i] = fraction;
    c.parkedBeforeTrace[i] = flag(beforeTrace);
    c.createdInTrace[i] = flag(createdInTrace);
    c.neverRanAgain[i] = flag(createdInTrace && wakes === 0 && runs <= 1);
    c.siteWakes[i] = siteWakes;
    c.timerSiteWakes[i] = timerSiteWakes;

    // The last partner at this line: still there? still in the function it woke us from?
    const lastWaker = hasSiteWake ? hist.lastSiteWaker[r] : -1;
    const wRow = lastWaker >= 0 ? rowOfId.get(lastWaker) : undefined;
    const wakerExited = wRow !== undefined && G.finalState[wRow] === GoState.NotExist;
    c.lastWakerExited[i] = flag(wakerExited);
    let partnerReturned = false;
    if (hasSiteWake && hist.lastSiteWakerStack[r] !== 0) {
      const pf = h.blockingOf(hist.lastSiteWakerStack[r]);
      if (pf && h.lastWakeFromFunc(pf.func) <= sinceNs) {
        if (wakerExited) partnerReturned = true;
        else if (wRow !== undefined) partnerReturned = stillIn(wRow, lastSiteWakeNs, pf.func) === false;
      }
    }
    c.partnerReturned[i] = flag(partnerReturned);
    c.idleLoop[i] = flag(siteWakes >= 2 && !wakerExited && !partnerReturned);

    // The line's history across all goroutines.
    const wakers = h.wakers(site);
    c.siteServedAfter[i] = flag(h.lastWakeNs(site) > sinceNs);
    c.siteNeverWoken[i] = flag(wakers.size === 0);
    let allExited = wakers.size > 0;
    let allStuck = wakers.size > 0;
    for (const w of wakers) {
      const wr = rowOfId.get(w);
      if (wr === undefined) continue;
      const st = G.finalState[wr];
      if (st !== GoState.NotExist) allExited = false;
      if (st !== GoState.NotExist && !(wr !== r && stuck[wr] === 1)) allStuck = false;
      if (!allExited && !allStuck) break;
    }
    c.siteWakersExited[i] = flag(allExited);
    c.siteWakersStuck[i] = flag(allStuck);
    const longest = h.longestWaitNs(site);
    c.outlierWait[i] = flag(longest > 0 && fraction * dur >= OUTLIER_FACTOR * longest);

    // Creator: exited, still in the creating function, or parked itself.
    const parentRow = G.parentId[r] >= 0 ? rowOfId.get(G.parentId[r]) : undefined;
    if (createdInTrace && parentRow !== undefined) {
      const pst = G.finalState[parentRow];
      c.creatorExited[i] = flag(pst === GoState.NotExist);
      const inScope = pst !== GoState.NotExist && cf !== undefined ? stillIn(parentRow, createdNs, cf.func) : undefined;
      c.creatorInScope[i] = flag(inScope === true);
      c.creatorReturned[i] = flag(inScope === false);
      c.creatorParked[i] = flag(pst === GoState.Waiting);
    }
    const bfunc = h.blockingOf(stackId)?.func;
    if (bfunc !== undefined) {
      c.activeInFunction[i] = flag(activity.active(bfunc) > 0);
      c.stuckCohort[i] = flag(activity.active(bfunc) === 0 && activity.parked(bfunc) > 1);
    }
    const sib = siblings.get(siblingKey(r));
    c.siblingsFinished[i] = flag((sib?.exited ?? 0) > 0);
    c.siblingsBusy[i] = flag((sib?.busy ?? 0) > 0);

    // Group by fingerprint.
    const bf = h.blockingOf(stackId);
    // Interned names are dense ids, far below the 2^26 that pack() takes (a trace cannot hold 67 M distinct functions).
    const gkey = pack(entryIdOf(r), blockingIdOf(stackId)) ?? -1;
    let g = groupOfKey.get(gkey);
    if (g === undefined) {
      g = groups.length;
      groupOfKey.set(gkey, g);
      groups.push({
        fingerprint: fingerprint(entry, bf?.func ?? ''),
        entry,
        blockedAt: bf ? frameToSite(bf) : undefined,
        createdBy: cf ? frameToSite(cf) : undefined,
        stack,
        reason: PARTNER_CLASSES.has(cls) || reason ? reason : '',
      });
      groupCreated.push({ min: Infinity, max: -Infinity, n: 0, exitedKin: (exitedByEntry.get(entryIdOf(r)) ?? 0) > 0 });
    }
    c.group[i] = g;
    if (createdInTrace) {
      const gc = groupCreated[g];
      gc.n++;
      if (createdNs < gc.min) gc.min = createdNs;
      if (createdNs > gc.max) gc.max = createdNs;
    }
  }
  for (let i = 0; i < n; i++) {
    const gc = groupCreated[c.group[i]];
    c.groupGrew[i] = flag(!gc.exitedKin && gc.n >= GROWTH_MEMBERS && dur > 0 && (gc.max - gc.min) / dur >= GROWTH_SPREAD);
  }
  return {
    facts: finishFacts(c, n, { kind: 'trace', source, durationNs: dur, groups, partial: m.partial !== undefined }),
    ignored,
    rows: rows.subarray(0, n),
  };
}
