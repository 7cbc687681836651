// Cond.Wait waits for a Signal or Broadcast: a missed signal leaves it waiting forever.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['sync-cond']);

export const waitsOnCond: Rule = {
  id: 'waits-on-cond',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting in sync.Cond.Wait, which needs a Signal or Broadcast`,
  clause: () => 'a Cond waits for a signal',
};
