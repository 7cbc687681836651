// Parked far longer than any wait at this line that did complete: the waits here normally end
// quickly, this one has not.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { OUTLIER_FACTOR } from '../facts/trace-facts';
import { ofN } from '../phrasing/rule-words';

export const outlierWait: Rule = {
  id: 'outlier-wait',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.outlierWait[i] === YES,
  detail: (c) => `${ofN(c)} parked more than ${OUTLIER_FACTOR}× longer than the longest wait that completed at this line`,
  clause: () => 'waits at this line normally end far sooner',
};
