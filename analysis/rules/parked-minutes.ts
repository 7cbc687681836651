// The runtime's own wait time in a dump: parked for at least a minute.
import { EVERY_INPUT, type Rule } from './rule';
import { countOf } from '../phrasing';
import { ofN } from '../phrasing/rule-words';

export const parkedMinutes: Rule = {
  id: 'parked-minutes',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => f.waitMinutes[i] >= 1,
  detail: (c) => {
    let most = 0;
    for (const r of c.rows) most = Math.max(most, c.facts.waitMinutes[r]);
    return `${ofN(c)} parked for at least a minute (up to ${countOf(most, 'minute')}, the runtime's wait time)`;
  },
  clause: () => 'parked for minutes',
};
