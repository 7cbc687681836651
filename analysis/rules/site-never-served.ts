// Nobody was ever woken by another goroutine at this line during the whole trace.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN, partnerVerb, siteText } from './words';

export const siteNeverServed: Rule = {
  id: 'site-never-served',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.siteNeverWoken[i] === YES,
  detail: (c) => `in the whole trace no goroutine ${partnerVerb(c)} at ${siteText(c.group.blockedAt)} for anyone (${ofN(c)} wait there)`,
  clause: (c) => `nobody ever ${partnerVerb(c)} at that line`,
};
