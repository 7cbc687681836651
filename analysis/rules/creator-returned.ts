// Its creator is alive, but the function that ran the `go` statement has returned: whatever that
// function held only locally (a result channel, a WaitGroup) is no longer reachable from it.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { shortFunction } from '../frames';
import { ofN } from '../phrasing/rule-words';

export const creatorReturned: Rule = {
  id: 'creator-returned',
  kind: 'weighted',
  inputs: WITH_CREATOR,
  applies: (f, i) => f.creatorReturned[i] === YES,
  detail: (c) => `the function that created ${ofN(c)}${c.group.createdBy ? ` (${shortFunction(c.group.createdBy.function)})` : ''} has returned`,
  clause: () => 'the function that created it has returned',
};
