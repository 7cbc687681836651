// The function that last did the other end of this wait has returned, and nobody was woken from
// it afterwards: the scope that held the other end of the channel or lock is gone.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN, partnerVerb, partnerVerbFor } from '../phrasing/rule-words';

export const partnerReturned: Rule = {
  id: 'partner-returned',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.partnerReturned[i] === YES,
  detail: (c) => `the function that last ${partnerVerbFor(c)} ${ofN(c)} has returned, and nothing was woken from it afterwards`,
  clause: (c) => `the code that ${partnerVerb(c)} before has returned`,
};
