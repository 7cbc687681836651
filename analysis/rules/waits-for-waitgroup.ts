// WaitGroup.Wait waits for every Done: a lost Done leaves it waiting forever.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['sync-waitgroup']);

export const waitsForWaitgroup: Rule = {
  id: 'waits-for-waitgroup',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting in WaitGroup.Wait, which needs the counter to reach zero`,
  clause: () => 'a WaitGroup waits for every Done',
};
