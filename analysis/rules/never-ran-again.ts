// Created in the trace, parked in its very first run and never woken.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { isPartnerWait, ofN } from '../phrasing/rule-words';

export const neverRanAgain: Rule = {
  id: 'never-ran-again',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => isPartnerWait(f, i) && f.neverRanAgain[i] === YES,
  detail: (c) => `${ofN(c)} blocked right after being created and never ran again`,
  clause: () => 'never ran again after starting',
};
