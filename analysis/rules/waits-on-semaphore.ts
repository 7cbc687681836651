// A runtime semaphore the input does not name (semacquire without a sync frame).
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['sync-other']);

export const waitsOnSemaphore: Rule = {
  id: 'waits-on-semaphore',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting on a runtime semaphore`,
};
