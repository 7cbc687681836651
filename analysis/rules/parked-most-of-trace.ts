// Parked for at least half of the trace, from a block the trace saw begin.
import { TRACE_ONLY, type Rule } from './rule';
import { NO } from '../facts/parked';
import { formatPercent } from '../phrasing';
import { ofN } from '../phrasing/rule-words';

export const LONG_FRACTION = 0.5;

export const parkedMostOfTrace: Rule = {
  id: 'parked-most-of-trace',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.parkedBeforeTrace[i] === NO && f.parkedFraction[i] >= LONG_FRACTION,
  detail: (c) => {
    let most = 0;
    for (const r of c.rows) most = Math.max(most, c.facts.parkedFraction[r]);
    return `${ofN(c)} parked for at least ${formatPercent(LONG_FRACTION)} of the trace (up to ${formatPercent(most)})`;
  },
  clause: () => 'parked for most of the trace',
};
