// Its creator is alive but itself parked waiting on another goroutine.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN } from '../phrasing/rule-words';

export const creatorParked: Rule = {
  id: 'creator-parked',
  kind: 'weighted',
  inputs: WITH_CREATOR,
  applies: (f, i) => f.creatorParked[i] === YES,
  detail: (c) => `the goroutine that created ${ofN(c)} is itself parked waiting on another goroutine`,
};
