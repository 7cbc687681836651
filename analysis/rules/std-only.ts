// The whole stack is the standard library (net/http's connection loops, os/signal): the user's
// code is not where it waits, and the library owns its lifecycle.
import { EVERY_INPUT, type Rule } from './rule';
import { isStdFunction } from '../frames';
import { isAre, ofN } from '../phrasing/rule-words';

const memo = new WeakMap<object, Uint8Array>();

export const stdOnly: Rule = {
  id: 'std-only',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => {
    let m = memo.get(f);
    if (!m) {
      m = new Uint8Array(f.groups.length);
      f.groups.forEach((g, k) => (m![k] = g.blockedAt !== undefined && isStdFunction(g.blockedAt.function) ? 1 : 0));
      memo.set(f, m);
    }
    return m[f.group[i]] === 1;
  },
  detail: (c) => `${ofN(c)} ${isAre(c)} parked inside the standard library (${c.group.blockedAt?.function ?? 'no user frame'}), which owns that goroutine`,
  clause: () => 'the standard library owns this goroutine',
};
