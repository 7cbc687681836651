// The function it waits in is named like a long-lived loop (run, loop, serve, worker, listen,
// watch, dispatch, consume, poll, monitor, janitor, daemon): Go's idiom for goroutines that
// idle between events by design.
import { EVERY_INPUT, type Rule } from './rule';
import { shortFunction } from '../frames';
import { agree } from '../phrasing';
import { ofN, subject, verb } from '../phrasing/rule-words';

const LOOP = /(loop|run|serve|worker|listen|watch|dispatch|consume|poll|monitor|janitor|daemon)/i;
const memo = new WeakMap<object, Uint8Array>();

/** The last element of a Go function name: "(*pool).worker" → "worker", "main.run.func1" → "func1". */
const lastName = (func: string): string => func.slice(func.lastIndexOf('.') + 1);

export const loopNamed: Rule = {
  id: 'loop-named',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => {
    let m = memo.get(f);
    if (!m) {
      m = Uint8Array.from(f.groups, (g) => (g.blockedAt && LOOP.test(lastName(g.blockedAt.function)) ? 1 : 0));
      memo.set(f, m);
    }
    return m[f.group[i]] === 1;
  },
  detail: (c) => `${ofN(c)} ${verb(c, 'waits', 'wait')} in ${c.group.blockedAt ? shortFunction(c.group.blockedAt.function) : 'a function'}, named like a long-lived loop`,
  clause: (c) => `${subject(c)} ${agree(c.members >= c.total ? c.total : c.members, 'waits', 'wait')} in what is named like a long-lived loop`,
};
