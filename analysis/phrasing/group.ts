// The one-line explanation of a verdict: "6 goroutines created by handleItem (main.go:71) blocked
// on chan send at main.go:72 for the last 89% of the trace (from 47 ms on); a send needs a
// receiver that has not come". The same sentence in the app, the CLI and every report.
import { shortFunction, shortSite, type Site } from '../frames';
import { operationPhrase, type WaitClass } from '../wait-class';
import { countOf, formatDuration, formatPercent } from './numbers';

export interface GroupDescription {
  readonly count: number;
  readonly entryFunction: string;
  readonly createdBy?: Site;
  readonly waitClass: WaitClass;
  readonly blockedAt?: Site;
  /** Appended after the site: "for the last 89% of the trace (from 47 ms on)". */
  readonly tail?: string;
  /** Appended after a semicolon: "nothing received at notifier.go:51 afterwards". */
  readonly clause?: string;
  readonly proven?: boolean;
}

export function describeGroup(d: GroupDescription): string {
  const who = countOf(d.count, 'goroutine');
  // Without a creation site the entry function names the group; in brackets, so that "1 goroutine
  // running f waiting for I/O" (running? waiting?) cannot be read as two states.
  const origin = d.createdBy
    ? ` created by ${shortFunction(d.createdBy.function)} (${shortSite(d.createdBy)})`
    : d.entryFunction
      ? ` (${shortFunction(d.entryFunction)})`
      : ' with no stack recorded,';
  const inFunction = d.blockedAt && d.createdBy && d.blockedAt.function !== d.entryFunction ? ` in ${shortFunction(d.blockedAt.function)}` : '';
  const at = d.blockedAt ? ` at ${shortSite(d.blockedAt)}${inFunction}` : '';
  let s = `${who}${origin} ${operationPhrase(d.waitClass)}${at}`;
  if (d.tail) s += ` ${d.tail}`;
  if (d.proven) s += `; the runtime proved ${d.count === 1 ? 'it' : 'they'} can never be unblocked`;
  if (d.clause) s += `; ${d.clause}`;
  return s;
}

/**
 * How long a traced group has been parked: `parkedFraction` of a trace of `durationNs`.
 * "for the last 89% of the trace (from 47 ms on)", never "since 47 ms into the trace (89% of it)".
 */
export function parkedTail(parkedFraction: number, durationNs: number, sinceBeforeTrace: boolean): string {
  if (sinceBeforeTrace) return 'since before the trace started';
  const fromNs = durationNs * (1 - parkedFraction);
  // Under 1% a percentage reads as "0%": say the time instead.
  if (parkedFraction < 0.01) return `for only the last ${formatDuration(durationNs * parkedFraction)} of the trace`;
  // Above 99.5% a percentage reads "100%" although it began after the start.
  if (parkedFraction >= 0.995) return `for nearly all of the trace (from ${formatDuration(fromNs)} on)`;
  return `for the last ${formatPercent(parkedFraction)} of the trace (from ${formatDuration(fromNs)} on)`;
}

/** A profile's own wait time: "for up to 12 minutes". */
export function waitMinutesTail(maxMinutes: number): string {
  return `for up to ${countOf(maxMinutes, 'minute')}`;
}

/** The collapsed list of low verdicts, in the app and the Markdown report: "3 low-confidence groups (parked, probably fine)". */
export function lowConfidenceSummary(n: number): string {
  return `${countOf(n, 'low-confidence group')} (parked, probably fine)`;
}
