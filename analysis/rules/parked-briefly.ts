// Parked only in the trace's last instants: too recent to say that nothing came afterwards.
import { TRACE_ONLY, type Rule } from './rule';
import { formatPercent } from '../phrasing';
import { ofN } from '../phrasing/rule-words';

export const RECENT_FRACTION = 0.05;

export const parkedBriefly: Rule = {
  id: 'parked-briefly',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.parkedFraction[i] < RECENT_FRACTION,
  detail: (c) => `${ofN(c)} parked only in the last ${formatPercent(RECENT_FRACTION)} of the trace: too recent to tell`,
  clause: () => 'parked too recently to tell',
};
