// A select waits for any of its cases: event loops and ctx.Done() watchers idle like this by design.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, isAre, ofN } from '../phrasing/rule-words';

const CLASSES = new Set(['select']);

export const waitsInSelect: Rule = {
  id: 'waits-in-select',
  kind: 'weighted',
  inputs: EVERY_INPUT,
  applies: (f, i) => CLASSES.has(classOf(f, i)),
  detail: (c) => `${ofN(c)} ${isAre(c)} waiting in a select, which any of its cases could end`,
  clause: () => 'an idle select loop looks the same',
};
