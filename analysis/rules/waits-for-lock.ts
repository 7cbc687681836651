// A Lock waits for the holder to unlock: a lock is normally held briefly.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['sync-mutex', 'sync-rwmutex']);

export const waitsForLock: Rule = {
  id: 'waits-for-lock',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting for a lock, which needs its holder to unlock it`,
  clause: () => 'a lock is normally held briefly',
};
