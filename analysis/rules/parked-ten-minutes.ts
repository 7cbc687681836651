// The runtime's own wait time in a dump: parked for ten minutes or more.
import { EVERY_INPUT, type Rule } from './rule';
import { ofN } from '../phrasing/rule-words';

export const parkedTenMinutes: Rule = {
  id: 'parked-ten-minutes',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => f.waitMinutes[i] >= 10,
  detail: (c) => `${ofN(c)} parked for ten minutes or more`,
  clause: () => 'parked for ten minutes or more',
};
