// Every other goroutine inside the function this one is parked in is parked too, each waiting on
// another goroutine: nobody in there can make progress (a lock-order inversion between instances,
// a missed signal, a WaitGroup whose workers all block).
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { shortFunction } from '../frames';
import { ofN } from '../phrasing/rule-words';

export const stuckCohort: Rule = {
  id: 'stuck-cohort',
  kind: 'weighted',
  inputs: [...WITH_CREATOR, 'debug1', 'debug0'],
  applies: (f, i) => f.stuckCohort[i] === YES,
  detail: (c) =>
    `every other goroutine inside ${c.group.blockedAt ? shortFunction(c.group.blockedAt.function) : 'the same function'} is parked waiting on another goroutine too${c.members === 1 ? '' : ` (${ofN(c)} here)`}`,
  clause: () => 'every goroutine in that function is stuck waiting on another',
};
