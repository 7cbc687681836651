// What the leak rules read: one row per goroutine parked at the end of the input (a trace's
// last instant, a dump's capture), in typed-array columns so a million parked goroutines cost
// a few dozen bytes each and no object apiece. Every input kind fills the same columns; what it
// cannot know is NaN (numbers) or UNKNOWN (tri-state flags), and rules that need it do not fire.
import type { Frame } from '../../parsers/model';
import type { Site } from '../frames';
import type { InputKind } from '../verdict';
import type { WaitClass } from '../wait-class';

/** Tri-state flags: a dump cannot say whether a goroutine was ever woken. */
export const NO = 0;
export const YES = 1;
export const UNKNOWN = 2;

export const WAIT_CLASSES: readonly WaitClass[] = [
  'channel-send',
  'channel-recv',
  'select',
  'forever',
  'sync-mutex',
  'sync-rwmutex',
  'sync-waitgroup',
  'sync-cond',
  'sync-other',
  'timer',
  'io',
  'syscall',
  'gc-system',
  'running',
  'runnable',
  'other',
  'unknown',
];
const CLASS_INDEX = new Map(WAIT_CLASSES.map((c, i) => [c, i]));
export function classIndex(c: WaitClass): number {
  return CLASS_INDEX.get(c) ?? WAIT_CLASSES.length - 1;
}

/** A fingerprint group: goroutines with one entry function and one blocking function. */
export interface GroupInfo {
  readonly fingerprint: string;
  readonly entry: string;
  readonly blockedAt?: Site;
  readonly createdBy?: Site;
  /** Representative stack (innermost first). */
  readonly stack: readonly Frame[];
  /** The runtime's words for the wait when the input had them ("chan send"), else "". */
  readonly reason: string;
}

/**
 * Facts per parked goroutine. Time facts are fractions of the trace (so rules mean the same on a
 * 50 ms test trace and a 10 minute service trace); counts are per goroutine.
 */
export interface ParkedFacts {
  readonly kind: InputKind;
  readonly source: string;
  readonly count: number;
  readonly durationNs: number;
  /** The input breaks off (a cut trace): only the words change ("in the part read"), never a rule's result. */
  readonly partial?: boolean;
  readonly groups: readonly GroupInfo[];
  /** Goroutine id; NaN where the input has none (debug=0/1 groups). */
  readonly id: Float64Array;
  /** Goroutines the row stands for: 1, or a debug=0/1 group's count. */
  readonly weight: Float64Array;
  readonly group: Uint32Array;
  readonly waitClass: Uint8Array;
  /** GC proof (goroutineleak profile, `(leaked)` header). */
  readonly gcProven: Uint8Array;
  /** Fraction of the trace it has been parked at the end; 1 when parked since before the trace. */
  readonly parkedFraction: Float64Array;
  readonly parkedBeforeTrace: Uint8Array;
  readonly createdInTrace: Uint8Array;
  /** Created in the trace, parked in its first run, never woken. */
  readonly neverRanAgain: Uint8Array;
  /** Wake-ups by a goroutine from a wait at the line it is parked at now. */
  readonly siteWakes: Float64Array;
  /** Wake-ups by a timer (no goroutine) from a wait at that line. */
  readonly timerSiteWakes: Float64Array;
  /** The goroutine that last woke it at this line has exited. */
  readonly lastWakerExited: Uint8Array;
  /** Woken ≥ 2× at this line by a goroutine still alive and still in the partner function. */
  readonly idleLoop: Uint8Array;
  /** The partner function (waker's frame at the last wake here) returned; nobody woke anyone from it afterwards. */
  readonly partnerReturned: Uint8Array;
  /** Some goroutine was woken at this same line after this one parked: the site is still served. */
  readonly siteServedAfter: Uint8Array;
  /** No goroutine was ever woken at this line in the whole trace. */
  readonly siteNeverWoken: Uint8Array;
  /** Every goroutine that ever woke anyone at this line has exited. */
  readonly siteWakersExited: Uint8Array;
  /** Every waker at this line has exited or is itself parked most of the trace. */
  readonly siteWakersStuck: Uint8Array;
  /** Parked ≥ 10× longer than the longest completed wait at this line (which had some). */
  readonly outlierWait: Uint8Array;
  /** Its creator goroutine has exited (trace) or is absent from the dump (Go 1.21+ `in goroutine N`). */
  readonly creatorExited: Uint8Array;
  /** Its creator is alive and still inside the function that started it. */
  readonly creatorInScope: Uint8Array;
  /** Its creator is alive and parked too (trace end / dump) in a wait on another goroutine. */
  readonly creatorParked: Uint8Array;
  /** Its creator is alive but the function that started it has returned. */
  readonly creatorReturned: Uint8Array;
  /** Another live goroutine inside the function it is parked in is not waiting on a goroutine (running, I/O, sleeping…). */
  readonly activeInFunction: Uint8Array;
  /** Other goroutines inside the function it is parked in exist, and all are parked waiting on goroutines. */
  readonly stuckCohort: Uint8Array;
  /** Goroutines with its entry function and creation site finished during the trace. */
  readonly siblingsFinished: Uint8Array;
  /** Goroutines with its entry function and creation site are running or runnable (a dump). */
  readonly siblingsBusy: Uint8Array;
  /** The group gained ≥ 3 members spread over ≥ 10% of the trace and none of its kind finished. */
  readonly groupGrew: Uint8Array;
  /** debug=2 `N minutes`; NaN when the input has no wait time. */
  readonly waitMinutes: Float64Array;
}
