// Woken at this line again and again, but only ever by timers, never by a goroutine: a loop that
// wakes on a ticker or time.After and never gets anything else (a timer zombie, or a flush loop).
import { TRACE_ONLY, type Rule } from './rule';
import { ofN } from './words';

export const TIMER_WAKES = 2;

export const timerOnly: Rule = {
  id: 'timer-only',
  kind: 'weighted',
  inputs: TRACE_ONLY,
  applies: (f, i) => f.timerSiteWakes[i] >= TIMER_WAKES && f.siteWakes[i] === 0,
  detail: (c) => {
    let ticks = 0;
    for (const r of c.rows) ticks = Math.max(ticks, c.facts.timerSiteWakes[r]);
    return `${ofN(c)} woken at this line only by timers (up to ${ticks} times), never by another goroutine`;
  },
  clause: () => 'woken only by timers, never by another goroutine',
};
