// Many goroutines parked at one site: a few idle workers are normal, dozens at one line are not.
import { EVERY_INPUT, type Rule, type RuleContext } from './rule';
import { formatCount } from '../phrasing';

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

/** Goroutines parked at the group's site (all its confidence levels), for the words: the rule's own count. */
export function crowdOf(c: RuleContext): number {
  const i = c.rows[0] ?? c.facts.group.indexOf(c.facts.groups.indexOf(c.group));
  return i >= 0 ? groupSize(c.facts, i) : c.total;
}

export const crowd: Rule = {
  id: 'crowd',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => groupSize(f, i) >= CROWD,
  detail: (c) => `${formatCount(crowdOf(c))} goroutines parked at the same line (${CROWD} or more count as a crowd)`,
  clause: (c) => `${formatCount(crowdOf(c))} wait at one line`,
};
