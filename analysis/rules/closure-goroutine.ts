// The goroutine runs an anonymous function (`go func() { … }()`): the shape of per-call work —
// a result sent back, a request fanned out — which is where leaks are made; long-lived loops are
// usually named (`go s.loop()`).
import { EVERY_INPUT, type Rule } from './rule';
import { ofN, verb } from '../phrasing/rule-words';

const CLOSURE = /\.func\d+(\.\d+)*$|\.gowrap\d+$/;
const memo = new WeakMap<object, Uint8Array>();

export const closureGoroutine: Rule = {
  id: 'closure-goroutine',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => {
    let m = memo.get(f);
    if (!m) {
      m = Uint8Array.from(f.groups, (g) => (CLOSURE.test(g.entry) ? 1 : 0));
      memo.set(f, m);
    }
    return m[f.group[i]] === 1;
  },
  detail: (c) => `${ofN(c)} ${verb(c, 'runs', 'run')} an anonymous function (${c.group.entry}), the shape of per-call work`,
};
