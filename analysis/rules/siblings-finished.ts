// Other goroutines started at the same go statement with the same function finished during the
// trace: this code does end, and these may be instances still in flight — or the instances that
// lost a race the others won.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN } from './words';

export const siblingsFinished: Rule = {
  id: 'siblings-finished',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.siblingsFinished[i] === YES,
  detail: (c) => `goroutines started at the same place as ${ofN(c)} did finish during the trace`,
  clause: () => 'goroutines started at the same place did finish',
};
