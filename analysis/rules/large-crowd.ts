// A thousand or more goroutines at one site: LeakProf's signal, rarely a pool by design.
import { EVERY_INPUT, type Rule } from './rule';
import { crowdOf, groupSize } from './crowd';
import { formatCount } from '../phrasing';

export const LARGE_CROWD = 1000;

export const largeCrowd: Rule = {
  id: 'large-crowd',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => groupSize(f, i) >= LARGE_CROWD,
  detail: (c) => `${formatCount(crowdOf(c))} goroutines parked at the same line (${formatCount(LARGE_CROWD)} or more)`,
  clause: (c) => `${formatCount(crowdOf(c))} wait at one line`,
};
