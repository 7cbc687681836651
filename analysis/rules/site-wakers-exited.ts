// Every goroutine that ever did the other end of a wait at this line has exited: whoever could
// wake this one is gone.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN, partnerVerb, siteText, verb } from '../phrasing/rule-words';

export const siteWakersExited: Rule = {
  id: 'site-wakers-exited',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.siteWakersExited[i] === YES,
  detail: (c) => `every goroutine that ever ${partnerVerb(c)} at ${siteText(c.group.blockedAt)} has exited (${ofN(c)} still ${verb(c, 'waits', 'wait')} there)`,
  clause: (c) => `every goroutine that ever ${partnerVerb(c)} there has exited`,
};
