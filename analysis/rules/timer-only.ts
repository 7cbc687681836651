// Woken at this line again and again, but only ever by timers, never by a goroutine: a loop that
// wakes on a ticker or time.After and never gets anything else (a timer zombie, or a flush loop).
import { TRACE_ONLY, type Rule } from './rule';
import { agree, countOf } from '../phrasing';
import { ofN, subject, wasWere } from '../phrasing/rule-words';

export const TIMER_WAKES = 2;

export const timerOnly: Rule = {
  id: 'timer-only',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.timerSiteWakes[i] >= TIMER_WAKES && f.siteWakes[i] === 0,
  detail: (c) => {
    let ticks = 0;
    for (const r of c.rows) ticks = Math.max(ticks, c.facts.timerSiteWakes[r]);
    return `${ofN(c)} ${wasWere(c)} woken at this line only by timers (up to ${countOf(ticks, 'time')}), never by another goroutine`;
  },
  clause: (c) => `${subject(c)} ${agree(c.members, 'is', 'are')} woken only by timers, never by another goroutine`,
};
