// Another live goroutine inside the function this one is parked in is not waiting on a goroutine
// (running, in a syscall, reading a socket, sleeping): the lock holder past its Lock, the worker
// that will call Done — the wait can still end.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { shortFunction } from '../frames';
import { ofN, verb } from '../phrasing/rule-words';

export const activeInFunction: Rule = {
  id: 'active-in-function',
  kind: 'weighted',
  inputs: [...WITH_CREATOR, 'debug1', 'debug0'],
  applies: (f, i) => f.activeInFunction[i] === YES,
  detail: (c) =>
    `another goroutine inside ${c.group.blockedAt ? shortFunction(c.group.blockedAt.function) : 'the same function'} is still working (not parked on another goroutine) while ${ofN(c)} ${verb(c, 'waits', 'wait')}`,
  clause: () => 'another goroutine in the same function is still working',
};
