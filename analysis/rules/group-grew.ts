// The group kept gaining members over the trace and none of its kind finished.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { formatCount } from '../phrasing';

export const groupGrew: Rule = {
  id: 'group-grew',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.groupGrew[i] === YES,
  detail: (c) => `${formatCount(c.members)} goroutines of this kind were created over the trace and none of them finished`,
  clause: () => 'the group kept growing and none finished',
};
