// I/O waits, syscalls and waits the input does not name end by themselves or depend on the
// outside world; one input cannot call them leaked. At most low.
import { EVERY_INPUT, type Rule } from './rule';
import { operationPhrase } from '../wait-class';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const BOUNDED = new Set(['io', 'syscall', 'other', 'unknown']);

export const endsByItself: Rule = {
  id: 'ends-by-itself',
  kind: 'cap',
  bound: 'low',
  inputs: EVERY_INPUT,
  applies: (f, i) => BOUNDED.has(classOf(f, i)),
  detail: (c) => {
    const cls = classOf(c.facts, c.rows[0] ?? 0);
    return cls === 'unknown'
      ? `${ofN(c)} ${isAre(c)} parked, but the input records no wait reason: not called leaked from this input alone`
      : `${ofN(c)} ${isAre(c)} ${operationPhrase(cls)}, a wait that ends by itself or depends on the outside world: not called leaked`;
  },
  clause: () => 'that wait ends by itself or depends on the outside world',
};
