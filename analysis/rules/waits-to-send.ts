// A channel send waits for a receiver: offered work that nobody takes is the classic leak.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, ofN } from './words';

const CLASSES = new Set(['channel-send']);

export const waitsToSend: Rule = {
  id: 'waits-to-send',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} waiting to send on a channel: a sender needs a receiver to come`,
  clause: () => 'a send needs a receiver that has not come',
};
