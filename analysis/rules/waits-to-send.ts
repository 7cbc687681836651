// A channel send waits for a receiver: offered work that nobody takes is the classic leak.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['channel-send']);

export const waitsToSend: Rule = {
  id: 'waits-to-send',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting to send on a channel, which needs a receiver to come`,
  clause: () => 'a send needs a receiver that has not come',
};
