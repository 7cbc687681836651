// A Lock waits for the holder to unlock: a lock is normally held briefly.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, ofN } from './words';

const CLASSES = new Set(['sync-mutex', 'sync-rwmutex']);

export const waitsForLock: Rule = {
  id: 'waits-for-lock',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} waiting for a lock: it needs the holder to unlock`,
  clause: () => 'a lock is normally held briefly',
};
