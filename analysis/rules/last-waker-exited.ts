// The goroutine that last did the other end of this wait, at this line, has exited.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { itThem, ofN } from '../phrasing/rule-words';

export const lastWakerExited: Rule = {
  id: 'last-waker-exited',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.lastWakerExited[i] === YES,
  detail: (c) => `the goroutine that last woke ${ofN(c)} at this line has exited`,
  clause: (c) => `the goroutine that last woke ${itThem(c)} has exited`,
};
