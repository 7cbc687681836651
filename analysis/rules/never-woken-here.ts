// No goroutine ever completed the other end of this goroutine's wait at its line, during a
// block the trace saw begin: the partner it needs has not shown up once.
import { TRACE_ONLY, type Rule } from './rule';
import { NO } from '../facts/parked';
import { duringTrace, isPartnerWait, ofN, partnerVerb, partnerVerbFor, siteText } from '../phrasing/rule-words';

export const neverWokenHere: Rule = {
  id: 'never-woken-here',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.parkedBeforeTrace[i] === NO && f.siteWakes[i] === 0,
  detail: (c) => `no goroutine ever ${partnerVerbFor(c)} ${ofN(c)} at ${siteText(c.group.blockedAt)} ${duringTrace(c)}`,
  clause: (c) => `no goroutine ever ${partnerVerb(c)}${c.members < c.total ? ` for ${ofN(c)}` : ''}`,
};
