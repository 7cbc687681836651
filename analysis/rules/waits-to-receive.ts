// A channel receive waits for a sender or a close: idle consumers wait like this by design.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['channel-recv']);

export const waitsToReceive: Rule = {
  id: 'waits-to-receive',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting to receive from a channel, which needs a send or a close`,
  clause: () => 'an idle consumer looks the same',
};
