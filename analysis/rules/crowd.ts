// Many goroutines parked at one site: a few idle workers are normal, dozens at one line are not.
import { EVERY_INPUT, type Rule, type RuleContext } from './rule';
import { formatCount } from '../explain';

export const CROWD = 10;

/** Goroutines in fact row i's group (weighted), cached per facts object. */
const sizes = new WeakMap<object, Float64Array>();
export function groupSize(f: RuleContext['facts'], i: number): number {
  let s = sizes.get(f);
  if (!s) {
    s = new Float64Array(f.groups.length);
    for (let k = 0; k < f.count; k++) s[f.group[k]] += f.weight[k];
    sizes.set(f, s);
  }
  return s[f.group[i]];
}

export const crowd: Rule = {
  id: 'crowd',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => groupSize(f, i) >= CROWD,
  detail: (c) => `${formatCount(c.total)} goroutines parked at the same site (at least ${CROWD})`,
  clause: (c) => `${formatCount(c.total)} wait at one line`,
};
