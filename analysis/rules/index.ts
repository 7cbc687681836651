// Every leak rule, in one list. Order is display order for evidence: floors and caps first, then
// the weighted rules (the verdict sorts fired rules by their contribution anyway).
import { activeInFunction } from './active-in-function';
import { closureGoroutine } from './closure-goroutine';
import { creatorExited } from './creator-exited';
import { creatorInScope } from './creator-in-scope';
import { creatorParked } from './creator-parked';
import { creatorReturned } from './creator-returned';
import { crowd } from './crowd';
import { endsByItself } from './ends-by-itself';
import { forever } from './forever';
import { gcProven } from './gc-proven';
import { groupGrew } from './group-grew';
import { idleLoop } from './idle-loop';
import { largeCrowd } from './large-crowd';
import { lastWakerExited } from './last-waker-exited';
import { loopNamed } from './loop-named';
import { neverRanAgain } from './never-ran-again';
import { neverWokenHere } from './never-woken-here';
import { outlierWait } from './outlier-wait';
import { parkedBeforeTrace } from './parked-before-trace';
import { parkedBriefly } from './parked-briefly';
import { parkedMinutes } from './parked-minutes';
import { parkedMostOfTrace } from './parked-most-of-trace';
import { parkedTenMinutes } from './parked-ten-minutes';
import { partnerReturned } from './partner-returned';
import { siblingsBusy } from './siblings-busy';
import { siblingsFinished } from './siblings-finished';
import { siteNeverServed } from './site-never-served';
import { siteStillServed } from './site-still-served';
import { siteWakersExited } from './site-wakers-exited';
import { siteWakersStuck } from './site-wakers-stuck';
import { sleeps } from './sleeps';
import { stdOnly } from './std-only';
import { stuckCohort } from './stuck-cohort';
import { timerOnly } from './timer-only';
import { waitsForLock } from './waits-for-lock';
import { waitsForWaitgroup } from './waits-for-waitgroup';
import { waitsInSelect } from './waits-in-select';
import { waitsOnCond } from './waits-on-cond';
import { waitsOnSemaphore } from './waits-on-semaphore';
import { waitsToReceive } from './waits-to-receive';
import { waitsToSend } from './waits-to-send';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  endsByItself,
  forever,
  gcProven,
  activeInFunction,
  closureGoroutine,
  creatorExited,
  creatorInScope,
  creatorParked,
  creatorReturned,
  crowd,
  groupGrew,
  idleLoop,
  largeCrowd,
  lastWakerExited,
  loopNamed,
  neverRanAgain,
  neverWokenHere,
  outlierWait,
  parkedBeforeTrace,
  parkedBriefly,
  parkedMinutes,
  parkedMostOfTrace,
  parkedTenMinutes,
  partnerReturned,
  siblingsBusy,
  siblingsFinished,
  siteNeverServed,
  siteStillServed,
  siteWakersExited,
  siteWakersStuck,
  sleeps,
  stdOnly,
  stuckCohort,
  timerOnly,
  waitsForLock,
  waitsForWaitgroup,
  waitsInSelect,
  waitsOnCond,
  waitsOnSemaphore,
  waitsToReceive,
  waitsToSend,
];

export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
export type { Rule, RuleContext, RuleKind } from './rule';
