// Another goroutine parked at the same line was woken after this one parked: the line is still
// being served, this goroutine just was not picked (an idle worker among several).
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN, siteText } from '../phrasing/rule-words';

export const siteStillServed: Rule = {
  id: 'site-still-served',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.siteServedAfter[i] === YES,
  detail: (c) => `other goroutines waiting at ${siteText(c.group.blockedAt)} were woken after ${ofN(c)} parked: the line is still served`,
  clause: () => 'its line is still being served',
};
