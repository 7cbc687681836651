// The runtime's goroutine leak detector (the goroutineleak profile, `(leaked)` in a dump): the GC
// proved that no reachable goroutine can unblock them. No false positives; proven.
import { EVERY_INPUT, type Rule } from './rule';
import { YES } from '../facts/parked';
import { itThem, ofN, subject, wasWere } from '../phrasing/rule-words';

export const gcProven: Rule = {
  id: 'gc-proven',
  kind: 'floor',
  bound: 'proven',
  inputs: EVERY_INPUT,
  applies: (f, i) => f.gcProven[i] === YES,
  detail: (c) => `${ofN(c)} ${wasWere(c)} reported leaked by the runtime's goroutine leak detector (the GC proved nothing reachable can unblock ${itThem(c)})`,
  clause: (c) => `the runtime proved ${subject(c)} can never be unblocked`,
};
