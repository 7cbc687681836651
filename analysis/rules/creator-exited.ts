// The goroutine that started it has exited (a trace; or, in a dump, the `created by … in
// goroutine N` creator is no longer there): the function that held the other end has returned.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN } from '../phrasing/rule-words';

export const creatorExited: Rule = {
  id: 'creator-exited',
  kind: 'weighted',
  inputs: WITH_CREATOR,
  applies: (f, i) => f.creatorExited[i] === YES,
  detail: (c) => `the goroutine that created ${ofN(c)} has exited`,
  clause: () => 'its creator has exited',
};
