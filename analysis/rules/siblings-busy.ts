// Goroutines started at the same place are running or runnable: the work they belong to is
// still going on.
import { WITH_CREATOR, type Rule } from './rule';
import { YES } from '../facts/parked';
import { ofN, wasWere } from '../phrasing/rule-words';

export const siblingsBusy: Rule = {
  id: 'siblings-busy',
  kind: 'weighted',
  inputs: WITH_CREATOR,
  applies: (f, i) => f.siblingsBusy[i] === YES,
  detail: (c) => `other goroutines created where ${ofN(c)} ${wasWere(c)} created are running: that work is still going on`,
  clause: () => 'the work it belongs to is still running',
};
