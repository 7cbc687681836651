// Its creator is alive and still inside the function that started it: whatever that function
// holds (a context, the other end of a channel) may still act.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { shortFunction } from '../frames';
import { ofN } from '../phrasing/rule-words';

export const creatorInScope: Rule = {
  id: 'creator-in-scope',
  kind: 'weighted',
  inputs: WITH_CREATOR,
  applies: (f, i) => f.creatorInScope[i] === YES,
  detail: (c) =>
    `the function that created ${ofN(c)}${c.group.createdBy ? ` (${shortFunction(c.group.createdBy.function)})` : ''} is still running in its creator`,
  clause: () => 'the function that created it is still running',
};
