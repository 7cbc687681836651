// Nobody was ever woken by another goroutine at this line during the whole trace.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN, partnerVerb, siteText, verb } from '../phrasing/rule-words';

export const siteNeverServed: Rule = {
  id: 'site-never-served',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.siteNeverWoken[i] === YES,
  detail: (c) => `${c.facts.partial ? 'in the part of the trace that was read' : 'in the whole trace'} no goroutine ${partnerVerb(c)} at ${siteText(c.group.blockedAt)} for anyone (${ofN(c)} ${verb(c, 'waits', 'wait')} there)`,
  clause: (c) => `nobody ever ${partnerVerb(c)} at that line`,
};
