// Parked since before the trace began: its past is unseen, so the trace cannot say much.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN, wasWere } from '../phrasing/rule-words';

export const parkedBeforeTrace: Rule = {
  id: 'parked-before-trace',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.parkedBeforeTrace[i] === YES,
  detail: (c) => `${ofN(c)} ${wasWere(c)} already parked when the trace started (the reason is read from the stack)`,
  clause: () => 'parked since before the trace, so its past is unseen',
};
