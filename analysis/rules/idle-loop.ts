// Woken at this line at least twice by a goroutine that is still alive and still in the function
// that woke it: the shape of an idle worker between jobs.
import { TRACE_ONLY, type Rule } from './rule';
import { YES } from '../facts/parked';
import { countOf } from '../phrasing';
import { ofN, subject } from '../phrasing/rule-words';

export const idleLoop: Rule = {
  id: 'idle-loop',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.idleLoop[i] === YES,
  detail: (c) => {
    let wakes = 0;
    for (const r of c.rows) wakes = Math.max(wakes, c.facts.siteWakes[r]);
    return `${ofN(c)} served work here before parking (woken up to ${countOf(wakes, 'time')} at this line by a partner that is still there): the shape of an idle worker`;
  },
  clause: (c) => `${subject(c)} served work at this line before: the shape of an idle worker`,
};
