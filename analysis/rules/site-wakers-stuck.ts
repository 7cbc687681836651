// Every goroutine that ever did the other end of a wait at this line has exited or is itself
// parked for most of the trace: the chain that could wake this one is stuck (A waits for a lock
// whose holder waits forever on a channel; a WaitGroup waits on a leaked worker's Done).
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN, partnerVerb, siteText, verb } from '../phrasing/rule-words';

export const siteWakersStuck: Rule = {
  id: 'site-wakers-stuck',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.siteWakersStuck[i] === YES,
  detail: (c) =>
    `every goroutine that ever ${partnerVerb(c)} at ${siteText(c.group.blockedAt)} has exited or is itself parked for most of the trace (${ofN(c)} ${verb(c, 'waits', 'wait')} there)`,
  clause: (c) => `everything that ever ${partnerVerb(c)} there is gone or stuck itself`,
};
