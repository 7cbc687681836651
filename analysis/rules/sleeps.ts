// A sleep ends by itself; only a loop that sleeps forever for nothing is a leak.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['timer']);

export const sleeps: Rule = {
  id: 'sleeps',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} sleeping, and a sleep ends by itself`,
  clause: () => 'a sleep ends by itself',
};
