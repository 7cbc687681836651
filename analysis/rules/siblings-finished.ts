// Other goroutines started at the same go statement with the same function finished during the
// trace: this code does end, and these may be instances still in flight — or the instances that
// lost a race the others won.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { duringTrace, ofN, wasWere } from '../phrasing/rule-words';

export const siblingsFinished: Rule = {
  id: 'siblings-finished',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.siblingsFinished[i] === YES,
  detail: (c) => `other goroutines created where ${ofN(c)} ${wasWere(c)} created did finish ${duringTrace(c)}`,
  clause: () => 'goroutines created at the same place did finish',
};
