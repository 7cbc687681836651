// A thousand or more goroutines at one site: LeakProf's signal, rarely a pool by design.
import { EVERY_INPUT, type Rule } from './rule';
import { formatCount } from '../explain';
import { groupSize } from './crowd';

export const LARGE_CROWD = 1000;

export const largeCrowd: Rule = {
  id: 'large-crowd',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => groupSize(f, i) >= LARGE_CROWD,
  detail: (c) => `${formatCount(c.total)} goroutines parked at the same site (at least ${formatCount(LARGE_CROWD)})`,
  clause: (c) => `${formatCount(c.total)} wait at one line`,
};
