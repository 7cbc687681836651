// Suspects from an execution trace: the richest input, because it shows what happened before the
// end, not only where goroutines are parked. Per goroutine parked at the end of the trace:
//  - never ran again: created in the trace, parked in its first run, never woken;
//  - no partner: the goroutine that last woke it (SpanTable.wakerId) has exited, or the function
//    it woke it from has returned and nothing woke anyone from that site afterwards;
//  - producer without partner: parked on a send/lock and no goroutine ever woke it;
//  - timer zombie: every wake-up came from the runtime (timers: wakerId −1), never exits;
//  - group growth: the group gained members during the trace and none of its siblings finished.
// Points per goroutine → confidence per group (docs/analysis.md, "Trace rules").
import { GoState, type Frame, type TraceModel } from '../parsers/model';
import { explainTraceGroup } from './trace-explain';
import { fingerprint } from './fingerprint';
import { blockingFrame, creationFrame, entryFunction, frameToSite, type Site } from './frames';
import { ignoreReason, type IgnoreRules } from './ignore';
import type { Confidence, Evidence, SuspectGroup } from './verdict';
import { classifyTraceReason, PARTNER_CLASSES, waitReasonLabel, type WaitClass } from './wait-class';

export const TRACE_RULES = {
  /** Points for medium / high (see docs/analysis.md). */
  mediumPoints: 2,
  highPoints: 4,
  /** A timer zombie needs at least this many timer wake-ups, and none from a goroutine. */
  timerZombieWakes: 2,
  /** Parked for at least this fraction of the trace adds a point. */
  longFraction: 0.5,
  /** Parked for less than this fraction of the trace: too recent for "nothing came afterwards". */
  minQuietFraction: 0.05,
  /** Members created during the trace (none finished) for "the group grows". */
  growthMembers: 3,
  /** …created over at least this fraction of the trace (a pool started at once is not growth). */
  growthSpreadFraction: 0.1,
} as const;

// Waits that offer something and need a taker: parked here for long is rarely idleness. (A
// WaitGroup.Wait is a consumer: "close the channel when all producers are done" waits for a
// process lifetime by design.)
const PRODUCER_SIDE = new Set<WaitClass>(['channel-send', 'sync-mutex', 'sync-rwmutex']);
const TIMER_WAITS = new Set<WaitClass>(['channel-recv', 'select', 'timer']);

/** Facts about one goroutine parked at the end of the trace. */
export interface ParkedGoroutine {
  readonly row: number;
  readonly id: number;
  readonly waitClass: WaitClass;
  readonly reason: string;
  readonly stack: readonly Frame[];
  readonly entry: string;
  readonly createdBy?: Site;
  /** NaN when parked since before the trace started. */
  readonly sinceNs: number;
  readonly createdNs: number;
  readonly runs: number;
  readonly wakes: number;
  readonly timerWakes: number;
  /** Wake-ups by a goroutine from a wait at the final blocking line. */
  readonly siteWakes: number;
  /** Wake-ups by a timer (no goroutine) from a wait at the final blocking line. */
  readonly timerSiteWakes: number;
  readonly neverRanAgain: boolean;
  /** Its creator goroutine is alive and its latest stack still holds the creating function. */
  readonly creatorActive: boolean;
  /** The goroutine that last woke it at its final line, -1 when none. */
  readonly lastWakerId: number;
  readonly lastWakerExited: boolean;
  readonly lastWakerEntry?: string;
  /** Partner site (the waker's user frame at the last wake), when the trace recorded it. */
  readonly partnerSite?: Site;
  readonly partnerReturned: boolean;
  readonly partnerActiveAfter: boolean;
  points: number;
}

export interface TraceSignals {
  readonly suspects: SuspectGroup[];
  readonly ignored: Record<string, number>;
  readonly parked: readonly ParkedGoroutine[];
}

/** Whether goroutine `row`'s most recent stack at or after `t` still contains `func` (undefined: no stack seen). */
function stillIn(m: TraceModel, row: number, t: number, func: string): boolean | undefined {
  const [s0, s1] = spanRange(m, row);
  const S = m.spans;
  for (let i = s1 - 1; i >= s0; i--) {
    if (S.startNs[i] < t) return undefined;
    if (S.stack[i] !== 0) return (m.stacks.stacks[S.stack[i]] ?? []).some((f) => f.func === func);
  }
  return undefined;
}

function spanRange(m: TraceModel, row: number): [number, number] {
  const s0 = m.goroutines.firstSpan[row];
  return [s0, s0 + m.goroutines.spanCount[row]];
}

export function traceSignals(m: TraceModel, source: string, rules: IgnoreRules): TraceSignals {
  const G = m.goroutines;
  const S = m.spans;
  const str = m.strings.strings;
  const stk = m.stacks.stacks;
  const stackOf = (id: number): readonly Frame[] => stk[id] ?? [];
  // Blocking frame per interned stack, computed once: spans share a few thousand stacks, and
  // the per-span lookups below would otherwise dominate on million-span traces.
  const bfMemo = new Array<Frame | null | undefined>(stk.length);
  const blockingOf = (id: number): Frame | undefined => {
    let f = bfMemo[id];
    if (f === undefined) f = bfMemo[id] = blockingFrame(stackOf(id)) ?? null;
    return f ?? undefined;
  };
  const preemptedId = str.indexOf('preempted');
  const rowOfId = new Map<number, number>();
  for (let r = 0; r < G.count; r++) rowOfId.set(G.id[r], r);

  // Latest time anyone was woken from each partner function (needs wakerStack).
  const lastWakeAtFunc = new Map<string, number>();
  if (S.wakerStack) {
    for (let i = 0; i < S.count; i++) {
      const ws = S.wakerStack[i];
      if (ws === 0) continue;
      const f = blockingOf(ws)?.func;
      if (f && (lastWakeAtFunc.get(f) ?? -Infinity) < S.startNs[i]) lastWakeAtFunc.set(f, S.startNs[i]);
    }
  }
  // Siblings by entry function: how many exist, how many finished.
  const byEntry = new Map<string, { total: number; exited: number; created: number }>();
  const entryOfRow = (r: number): string => {
    const e = str[G.startFunc[r]];
    return e || entryFunction(stackOf(G.finalStack[r]));
  };
  for (let r = 0; r < G.count; r++) {
    const e = entryOfRow(r);
    const acc = byEntry.get(e) ?? { total: 0, exited: 0, created: 0 };
    acc.total++;
    if (G.finalState[r] === GoState.NotExist) acc.exited++;
    if (!Number.isNaN(G.createdNs[r])) acc.created++;
    byEntry.set(e, acc);
  }

  const ignored: Record<string, number> = {};
  const parked: ParkedGoroutine[] = [];
  for (let r = 0; r < G.count; r++) {
    if (G.finalState[r] !== GoState.Waiting) continue;
    const [s0, s1] = spanRange(m, r);
    let stack = stackOf(G.finalStack[r]);
    if (stack.length === 0 && s1 > s0) stack = stackOf(S.stack[s1 - 1]);
    const reason = str[G.finalReason[r]] ?? '';
    const cls = classifyTraceReason(reason, stack);
    const entry = entryOfRow(r);
    const cf = creationFrame(stackOf(G.creationStack[r]));
    const why = ignoreReason({ stack, waitClass: cls, createdBy: cf?.func, entryFunction: entry }, rules);
    if (why) {
      ignored[why] = (ignored[why] ?? 0) + 1;
      continue;
    }
    let runs = 0;
    let wakes = 0;
    let timerWakes = 0;
    let siteWakes = 0;
    let timerSiteWakes = 0;
    let lastSiteWake = -1;
    const finalSite = blockingFrame(stack);
    for (let i = s0; i < s1; i++) {
      if (S.state[i] === GoState.Running) runs++;
      else if (S.state[i] === GoState.Runnable && i > s0 && S.state[i - 1] === GoState.Waiting) {
        // Parked by the GC or the tracer (GoBlock "preempted") and resumed: not a wake-up.
        if (S.reason[i - 1] === preemptedId) continue;
        wakes++;
        // Woken from a wait at the same line it is parked at now: by a goroutine, the other end
        // of this very operation has shown up before; by nobody (wakerId −1), a timer fired.
        const prev = finalSite ? blockingOf(S.stack[i - 1]) : undefined;
        // Same line and same block reason: a GC preemption parked at that line ("preempted",
        // resumed by a GC worker) is not the other end of the operation.
        const atSite =
          prev !== undefined && finalSite !== undefined && prev.func === finalSite.func && prev.line === finalSite.line && S.reason[i - 1] === G.finalReason[r];
        if (S.wakerId[i] < 0) {
          timerWakes++;
          if (atSite) timerSiteWakes++;
        } else if (atSite) {
          siteWakes++;
          lastSiteWake = i;
        }
      }
    }
    const createdNs = G.createdNs[r];
    // Parked since before the trace began: not created in it and the final span is its first
    // (the builder starts it at the first Sync, not at a block we saw).
    const sinceNs = Number.isNaN(createdNs) && s1 - s0 <= 1 ? NaN : G.finalSinceNs[r];
    // Partner facts come from the last wake-up *at this line* (the other end of this operation);
    // a GC worker or a lock on the way elsewhere says nothing about it.
    const lastWakerId = lastSiteWake >= 0 ? S.wakerId[lastSiteWake] : -1;
    const wRow = lastWakerId >= 0 ? rowOfId.get(lastWakerId) : undefined;
    const lastWakerExited = wRow !== undefined && G.finalState[wRow] === GoState.NotExist;
    let partnerSite: Site | undefined;
    let partnerReturned = false;
    let partnerActiveAfter = false;
    // The partner site is where the goroutine that last completed *this* operation stood.
    if (lastSiteWake >= 0 && S.wakerStack && S.wakerStack[lastSiteWake] !== 0) {
      const pf = blockingOf(S.wakerStack[lastSiteWake]);
      const sw = S.wakerId[lastSiteWake];
      const swRow = rowOfId.get(sw);
      if (pf) {
        partnerSite = frameToSite(pf);
        partnerActiveAfter = (lastWakeAtFunc.get(pf.func) ?? -Infinity) > (Number.isNaN(sinceNs) ? -Infinity : sinceNs);
        if (swRow !== undefined && G.finalState[swRow] === GoState.NotExist) partnerReturned = true;
        // The waker's most recent known stack after the wake: without the partner function,
        // the scope that held the other end of the operation has returned.
        else if (swRow !== undefined) partnerReturned = stillIn(m, swRow, S.startNs[lastSiteWake], pf.func) === false;
      }
    }
    // The function that started it is still running in its creator: whoever holds the other
    // end (a context, a channel field) is still in scope and may yet act (a long-lived
    // ctx.Done() watcher started by a server loop).
    const parentRow = G.parentId[r] >= 0 ? rowOfId.get(G.parentId[r]) : undefined;
    const creatorActive =
      cf !== undefined &&
      parentRow !== undefined &&
      !Number.isNaN(createdNs) &&
      G.finalState[parentRow] !== GoState.NotExist &&
      stillIn(m, parentRow, createdNs, cf.func) === true;
    parked.push({
      row: r,
      id: G.id[r],
      waitClass: cls,
      reason,
      stack,
      entry,
      createdBy: cf ? frameToSite(cf) : undefined,
      sinceNs,
      createdNs,
      runs,
      wakes,
      timerWakes,
      siteWakes,
      timerSiteWakes,
      neverRanAgain: !Number.isNaN(createdNs) && wakes === 0 && runs <= 1,
      creatorActive,
      lastWakerId,
      lastWakerExited,
      lastWakerEntry: wRow !== undefined ? entryOfRow(wRow) : undefined,
      partnerSite,
      partnerReturned,
      partnerActiveAfter,
      points: 0,
    });
  }

  const groups = new Map<string, ParkedGoroutine[]>();
  for (const p of parked) {
    const fp = fingerprint(p.entry, blockingFrame(p.stack)?.func ?? '');
    const list = groups.get(fp);
    if (list) list.push(p);
    else groups.set(fp, [p]);
  }
  const suspects: SuspectGroup[] = [];
  for (const [fp, members] of groups) suspects.push(judgeGroup(m, fp, members, byEntry.get(members[0].entry), source));
  return { suspects, ignored, parked };
}

/** Woken at this line ≥ 2× by a goroutine that is still there: the shape of an idle worker. */
export function isIdleLoop(p: ParkedGoroutine): boolean {
  return p.siteWakes >= 2 && !p.lastWakerExited && !(p.partnerReturned && !p.partnerActiveAfter);
}

function mostCommon<T>(xs: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = xs[0];
  let n = 0;
  for (const x of xs) {
    const c = (counts.get(x) ?? 0) + 1;
    counts.set(x, c);
    if (c > n) [best, n] = [x, c];
  }
  return best;
}

function judgeGroup(
  m: TraceModel,
  fp: string,
  members: ParkedGoroutine[],
  siblings: { total: number; exited: number; created: number } | undefined,
  source: string,
): SuspectGroup {
  const cls = mostCommon(members.map((p) => p.waitClass));
  const dur = m.durationNs;
  const evidence: Evidence[] = [];
  // Growth: members created over time (not a pool started at once) and none of the kind finished.
  const created = members.map((p) => p.createdNs).filter((t) => !Number.isNaN(t));
  const spread = created.length > 0 ? Math.max(...created) - Math.min(...created) : 0;
  const growing =
    siblings !== undefined &&
    siblings.exited === 0 &&
    created.length >= TRACE_RULES.growthMembers &&
    m.durationNs > 0 &&
    spread / m.durationNs >= TRACE_RULES.growthSpreadFraction;
  // Timer zombie: at its parking line, only timers ever woke it (an unrelated lock on the way,
  // e.g. sync.Once inside time.NewTimer, does not count).
  const zombies = members.filter(
    (p) => TIMER_WAITS.has(p.waitClass) && p.timerSiteWakes >= TRACE_RULES.timerZombieWakes && p.siteWakes === 0,
  );
  const recycled = siblings !== undefined && siblings.exited > 0;
  for (const p of members) {
    let pts = 0;
    const blockedFor = dur - (Number.isNaN(p.sinceNs) ? 0 : p.sinceNs);
    // Every "nothing happened afterwards" signal needs an afterwards: a goroutine that parked in
    // the trace's last instants has not been observed long enough to say.
    const quiet = Number.isNaN(p.sinceNs) || (dur > 0 && blockedFor / dur >= TRACE_RULES.minQuietFraction);
    if (PARTNER_CLASSES.has(p.waitClass) && quiet) {
      if (p.neverRanAgain) pts += 2;
      if (p.lastWakerExited) pts += 2;
      else if (p.partnerReturned && !p.partnerActiveAfter) pts += 2;
      // Only for a block we saw begin: a goroutine parked before the trace has an unseen past.
      if (PRODUCER_SIDE.has(p.waitClass) && p.siteWakes === 0 && !Number.isNaN(p.sinceNs)) pts += 2;
      // Goroutines started by the same function did finish: a recycling pattern (per-request
      // watchers, workers), and these members may still be in flight. Not for a producer parked
      // most of the trace: its siblings' takers came long ago, its own never did.
      const longParked = dur > 0 && blockedFor / dur >= TRACE_RULES.longFraction;
      if (recycled && !(PRODUCER_SIDE.has(p.waitClass) && longParked)) pts -= 2;
      if (p.creatorActive) pts -= 2;
      if (dur > 0 && blockedFor / dur >= TRACE_RULES.longFraction) pts += 1;
      if (growing) pts += 1;
      // Woken repeatedly by a partner that is still serving: the shape of an idle worker.
      if (isIdleLoop(p)) pts -= 2;
    }
    if (cls === 'forever') pts = Math.max(pts, TRACE_RULES.highPoints);
    p.points = pts;
  }
  const best = Math.max(...members.map((p) => p.points));
  let confidence: Confidence = best >= TRACE_RULES.highPoints ? 'high' : best >= TRACE_RULES.mediumPoints ? 'medium' : 'low';
  if (zombies.length > 0 && zombies.length === members.length) {
    confidence = growing ? 'high' : confidence === 'low' ? 'medium' : confidence;
  }
  if (!PARTNER_CLASSES.has(cls) && zombies.length !== members.length) {
    confidence = 'low';
    evidence.push({ kind: 'bounded-wait', detail: `a ${waitReasonLabel(cls)} wait can end by itself; not escalated`, source });
  }
  const rep = members[0];
  const bf = blockingFrame(rep.stack);
  const blockedAt = bf ? frameToSite(bf) : undefined;
  const sinces = members.map((p) => (Number.isNaN(p.sinceNs) ? 0 : p.sinceNs));
  const blockedFor = sinces.map((s) => dur - s);
  const { explanation, evidence: more } = explainTraceGroup({
    members,
    waitClass: cls,
    blockedAt,
    createdBy: members.find((p) => p.createdBy)?.createdBy,
    durationNs: dur,
    growing,
    siblings,
    zombies: zombies.length,
    recycled,
    source,
  });
  return {
    fingerprint: fp,
    source,
    inputKind: 'trace',
    confidence,
    count: members.length,
    waitClass: cls,
    waitReason: rep.reason && rep.waitClass === cls ? rep.reason : waitReasonLabel(cls),
    entryFunction: rep.entry,
    createdBy: members.find((p) => p.createdBy)?.createdBy,
    blockedAt,
    stack: rep.stack,
    goroutineIds: members.map((p) => p.id).sort((a, b) => a - b),
    blockedForNs: { min: Math.min(...blockedFor), max: Math.max(...blockedFor) },
    blockedSinceNs: { min: Math.min(...sinces), max: Math.max(...sinces) },
    explanation,
    evidence: [...more, ...evidence],
  };
}
