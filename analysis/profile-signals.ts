// Suspects from one goroutine profile (debug=0/1/2 or goroutineleak). A single snapshot says
// where goroutines are parked, not whether they will ever wake, so apart from GC proof and
// `forever` waits it only reaches medium on strong circumstantial signals (minutes parked on a
// producer-side operation, very large groups). Growth across snapshots is handled by analyze.ts.
import type { GoroutineGroup, GoroutineProfile } from '../parsers/model';
import { isLeakedGroup } from './align';
import { fingerprint } from './fingerprint';
import { blockingFrame, entryFunction, frameToSite, type Site } from './frames';
import { ignoreReason, type IgnoreRules } from './ignore';
import { describeGroup } from './explain';
import type { Confidence, Evidence, InputKind, SuspectGroup } from './verdict';
import { classifyWaitReason, isParked, normalizeWaitReason, waitReasonLabel, type WaitClass } from './wait-class';

/** Tunables, documented in docs/analysis.md. */
export const PROFILE_RULES = {
  /** Producer-side waits (send, lock, WaitGroup) parked this long are not back-pressure. */
  producerMinutesMedium: 1,
  producerMinutesHigh: 10,
  /** LeakProf-style crowd: this many goroutines parked at one producer-side site. */
  producerCrowdMedium: 100,
  /** Consumers (receive, select, Cond) idle legitimately; only a huge crowd is suspicious. */
  consumerCrowdMedium: 10_000,
} as const;

/** Classes where the goroutine offers something and waits for a taker: rarely idle by design. */
const PRODUCER_SIDE = new Set<WaitClass>(['channel-send', 'sync-mutex', 'sync-rwmutex']);
// WaitGroup.Wait waits for others to finish, often for a process lifetime by design
// ("close the channel when all producers are done").
const CONSUMER_SIDE = new Set<WaitClass>(['channel-recv', 'select', 'sync-cond', 'sync-waitgroup', 'sync-other']);

const PARK_FRAME = /^runtime\.(gopark|goparkunlock|park_m|netpollblock|semacquire1|notetsleepg)$/;

export function inputKindOf(p: GoroutineProfile): InputKind {
  if (p.profileType === 'goroutineleak') return 'goroutineleak';
  return p.format === 'pprof-proto' ? 'debug0' : p.format === 'goroutine-debug1' ? 'debug1' : 'debug2';
}

interface Acc {
  fp: string;
  entry: string;
  cls: Map<WaitClass, number>;
  reasons: Map<string, number>;
  rep: GoroutineGroup;
  count: number;
  leaked: number;
  ids: number[];
  minutes?: { min: number; max: number };
  createdBy?: Site;
  inferred: boolean;
}

export interface ProfileSignals {
  readonly suspects: SuspectGroup[];
  readonly ignored: Record<string, number>;
}

function top<K>(m: Map<K, number>): K {
  let best: K | undefined;
  let n = -1;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best as K;
}

export function profileSignals(p: GoroutineProfile, source: string, rules: IgnoreRules): ProfileSignals {
  const kind = inputKindOf(p);
  const ignored: Record<string, number> = {};
  const byFp = new Map<string, Acc>();
  for (const g of p.groups) {
    const leaked = isLeakedGroup(p, g);
    const cls = classifyWaitReason(g.state, g.stack);
    const entry = entryFunction(g.stack);
    if (!leaked && !isParked(cls)) continue;
    // debug=0 carries no state: a stack without a park frame is running or runnable (the
    // goroutine writing the profile always is).
    if (cls === 'unknown' && p.format === 'pprof-proto' && !g.stack.some((f) => PARK_FRAME.test(f.func))) continue;
    const why = ignoreReason({ stack: g.stack, waitClass: cls, createdBy: g.createdBy?.func, entryFunction: entry }, rules);
    if (why) {
      ignored[why] = (ignored[why] ?? 0) + g.count;
      continue;
    }
    const bf = blockingFrame(g.stack);
    const fp = fingerprint(entry, bf?.func ?? '');
    let acc = byFp.get(fp);
    if (!acc) {
      acc = { fp, entry, cls: new Map(), reasons: new Map(), rep: g, count: 0, leaked: 0, ids: [], inferred: false };
      byFp.set(fp, acc);
    }
    acc.cls.set(cls, (acc.cls.get(cls) ?? 0) + g.count);
    const reason = g.state ? normalizeWaitReason(g.state) : waitReasonLabel(cls);
    acc.reasons.set(reason, (acc.reasons.get(reason) ?? 0) + g.count);
    if (!g.state) acc.inferred = true;
    if (g.count > acc.rep.count) acc.rep = g;
    acc.count += g.count;
    if (leaked) acc.leaked += g.count;
    if (g.ids) acc.ids.push(...g.ids);
    if (g.waitMinutes)
      acc.minutes = acc.minutes
        ? { min: Math.min(acc.minutes.min, g.waitMinutes.min), max: Math.max(acc.minutes.max, g.waitMinutes.max) }
        : { ...g.waitMinutes };
    if (!acc.createdBy && g.createdBy) acc.createdBy = { function: g.createdBy.func, file: g.createdBy.file, line: g.createdBy.line };
  }

  const suspects: SuspectGroup[] = [];
  for (const acc of byFp.values()) {
    const cls = top(acc.cls);
    const evidence: Evidence[] = [
      { kind: 'blocked-at-end', detail: `${acc.count === 1 ? 'parked' : `all ${acc.count} parked`} (${top(acc.reasons)}) when the ${kind} profile was captured`, source },
    ];
    let confidence: Confidence = 'low';
    if (acc.leaked > 0) {
      confidence = 'proven';
      evidence.push({
        kind: 'gc-proven',
        detail: `${acc.leaked === acc.count ? `all ${acc.count}` : `${acc.leaked} of ${acc.count}`} goroutines reported leaked by the runtime's goroutine leak detector (GC proved nothing reachable can unblock them)`,
        source,
      });
    }
    if (cls === 'forever') {
      if (confidence !== 'proven') confidence = 'high';
      evidence.push({ kind: 'forever', detail: 'blocked on a nil channel or `select {}`: no operation can ever wake it', source });
    }
    const minutes = acc.minutes;
    if (minutes && minutes.min > 0) {
      evidence.push({ kind: 'wait-minutes', detail: `parked for ${minutes.min}–${minutes.max} minutes (runtime's wait time)`, source });
      if (PRODUCER_SIDE.has(cls) && confidence === 'low') {
        if (minutes.min >= PROFILE_RULES.producerMinutesHigh) confidence = 'high';
        else if (minutes.min >= PROFILE_RULES.producerMinutesMedium) confidence = 'medium';
      }
    }
    const crowd = PRODUCER_SIDE.has(cls) ? PROFILE_RULES.producerCrowdMedium : CONSUMER_SIDE.has(cls) ? PROFILE_RULES.consumerCrowdMedium : Infinity;
    if (acc.count >= crowd) {
      evidence.push({ kind: 'group-count', detail: `${acc.count} goroutines parked at the same site (threshold ${crowd})`, source });
      if (confidence === 'low') confidence = 'medium';
    }
    if (cls === 'timer' || cls === 'io' || cls === 'other' || cls === 'unknown') {
      evidence.push({ kind: 'bounded-wait', detail: `a ${waitReasonLabel(cls)} wait can end by itself; not escalated from one snapshot`, source });
    }
    if (acc.inferred && cls !== 'unknown')
      evidence.push({ kind: 'inferred-reason', detail: `operation inferred from the stack (${kind} carries no wait reason)`, source });
    const bf = blockingFrame(acc.rep.stack);
    const blockedAt = bf ? frameToSite(bf) : undefined;
    const ids = acc.ids.length > 0 ? [...new Set(acc.ids)].sort((a, b) => a - b) : undefined;
    suspects.push({
      fingerprint: acc.fp,
      source,
      inputKind: kind,
      confidence,
      count: acc.count,
      waitClass: cls,
      waitReason: top(acc.reasons),
      entryFunction: acc.entry,
      createdBy: acc.createdBy,
      blockedAt,
      stack: acc.rep.stack,
      goroutineIds: ids,
      waitMinutes: minutes,
      explanation: describeGroup({
        count: acc.count,
        entryFunction: acc.entry,
        createdBy: acc.createdBy,
        waitClass: cls,
        blockedAt,
        tail: minutes && minutes.max > 0 ? `for up to ${minutes.max} minutes` : undefined,
        proven: acc.leaked > 0,
      }),
      evidence,
    });
  }
  return { suspects, ignored };
}
