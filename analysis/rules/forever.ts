// A nil-channel operation or `select {}`: no operation can ever wake it. At least high.
import { EVERY_INPUT, type Rule } from './rule';
import { classOf, itThem, ofN } from '../phrasing/rule-words';

export const forever: Rule = {
  id: 'forever',
  kind: 'floor',
  bound: 'high',
  inputs: EVERY_INPUT,
  applies: (f, i) => classOf(f, i) === 'forever',
  detail: (c) => `${ofN(c)} blocked on a nil channel or \`select {}\`: no operation can ever wake ${itThem(c)}`,
  clause: () => 'nothing can ever wake a nil channel or an empty select',
};
