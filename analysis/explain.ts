// One-read explanations: "1,204 goroutines created by handleRequest (server.go:88) blocked on chan
// send at notifier.go:42 since 0.4 s into the trace and never ran again; nothing received at
// notifier.go:51 afterwards". Deterministic formatting (no locale APIs) so snapshots are stable.
import { shortFunction, shortSite, type Site } from './frames';
import { operationPhrase, type WaitClass } from './wait-class';

/** 1204 → "1,204" */
export function formatCount(n: number): string {
  const s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** ns → "0.4 s", "12 ms", "3.2 µs", "2 min" — two significant digits. */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  const fmt = (v: number, unit: string) => `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} ${unit}`;
  if (abs >= 120e9) return fmt(ns / 60e9, 'min');
  if (abs >= 1e9) return fmt(ns / 1e9, 's');
  if (abs >= 1e8) return `${Math.round(ns / 1e8) / 10} s`;
  if (abs >= 1e6) return fmt(ns / 1e6, 'ms');
  if (abs >= 1e3) return fmt(ns / 1e3, 'µs');
  return `${Math.round(ns)} ns`;
}

export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

export interface GroupDescription {
  readonly count: number;
  readonly entryFunction: string;
  readonly createdBy?: Site;
  readonly waitClass: WaitClass;
  readonly blockedAt?: Site;
  /** Appended after the site: "since 0.4 s into the trace and never ran again". */
  readonly tail?: string;
  /** Appended after a semicolon: "nothing received at notifier.go:51 afterwards". */
  readonly clause?: string;
  readonly proven?: boolean;
}

export function describeGroup(d: GroupDescription): string {
  const who =
    d.count === 1 ? '1 goroutine' : `${formatCount(d.count)} goroutines`;
  const origin = d.createdBy
    ? `created by ${shortFunction(d.createdBy.function)} (${shortSite(d.createdBy)})`
    : d.entryFunction
      ? `running ${shortFunction(d.entryFunction)}`
      : 'with no stack recorded';
  const at = d.blockedAt ? ` at ${shortSite(d.blockedAt)}${d.blockedAt.function !== d.entryFunction && d.createdBy ? ` in ${shortFunction(d.blockedAt.function)}` : ''}` : '';
  let s = `${who} ${origin}${d.entryFunction || d.createdBy ? '' : ','} ${operationPhrase(d.waitClass)}${at}`;
  if (d.tail) s += ` ${d.tail}`;
  if (d.proven) s += '; the runtime proved they can never be unblocked';
  if (d.clause) s += `; ${d.clause}`;
  return s;
}

/** "44 ms" when both ends format alike, else "12 ms – 44 ms". */
export function range(min: number, max: number, fmt: (n: number) => string): string {
  const a = fmt(min);
  const b = fmt(max);
  return a === b ? a : `${a} – ${b}`;
}
