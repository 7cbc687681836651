// Allocation of ParkedFacts columns for at most `capacity` rows, trimmed to the rows filled.
import type { InputKind } from '../verdict';
import { UNKNOWN, type GroupInfo, type ParkedFacts } from './parked';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FactColumns = Mutable<Omit<ParkedFacts, 'kind' | 'source' | 'count' | 'durationNs' | 'groups'>>;

const FLAG_COLUMNS = [
  'gcProven',
  'parkedBeforeTrace',
  'createdInTrace',
  'neverRanAgain',
  'lastWakerExited',
  'idleLoop',
  'partnerReturned',
  'siteServedAfter',
  'siteNeverWoken',
  'siteWakersExited',
  'siteWakersStuck',
  'outlierWait',
  'creatorExited',
  'creatorInScope',
  'creatorParked',
  'creatorReturned',
  'activeInFunction',
  'stuckCohort',
  'siblingsFinished',
  'siblingsBusy',
  'groupGrew',
] as const satisfies readonly (keyof FactColumns)[];

const NUMBER_COLUMNS = ['id', 'weight', 'parkedFraction', 'siteWakes', 'timerSiteWakes', 'waitMinutes'] as const satisfies readonly (keyof FactColumns)[];

/** Columns for `capacity` rows: flags UNKNOWN, numbers NaN (weight 1), until a fact source fills them. */
export function allocateFacts(capacity: number): FactColumns {
  const c = {
    group: new Uint32Array(capacity),
    waitClass: new Uint8Array(capacity),
  } as Partial<FactColumns>;
  for (const k of FLAG_COLUMNS) c[k] = new Uint8Array(capacity).fill(UNKNOWN);
  for (const k of NUMBER_COLUMNS) c[k] = new Float64Array(capacity).fill(k === 'weight' ? 1 : NaN);
  return c as FactColumns;
}

/** The first `count` rows as a ParkedFacts (views, no copy). */
export function finishFacts(
  c: FactColumns,
  count: number,
  meta: { kind: InputKind; source: string; durationNs: number; groups: readonly GroupInfo[]; partial?: boolean },
): ParkedFacts {
  const out = { ...meta, count } as Record<string, unknown>;
  for (const [k, v] of Object.entries(c)) out[k] = (v as Uint8Array).subarray(0, count);
  return out as unknown as ParkedFacts;
}
