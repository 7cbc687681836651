// Axis ticks with adaptive units: steps of 1, 2 or 5 × 10^k ns, chosen so labels sit at least
// `minGapPx` apart, and labels in the largest unit that keeps them short ("1.25 ms", "340 µs").
import type { CssPixels, Nanoseconds } from './units';
import { nsPerPx, nsToX, type Viewport } from './viewport';

export interface Tick {
  readonly ns: Nanoseconds;
  readonly x: CssPixels;
  readonly label: string;
}

const UNITS: readonly (readonly [string, number])[] = [
  ['s', 1e9],
  ['ms', 1e6],
  ['µs', 1e3],
  ['ns', 1],
];

export function tickStep(vp: Viewport, minGapPx: CssPixels): Nanoseconds {
  const raw = nsPerPx(vp) * minGapPx;
  const pow = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return Math.max(1, m * pow);
  return 10 * pow;
}

/** Formats `ns` in the unit that suits `step` (the tick spacing), with just enough decimals. */
export function formatTick(ns: Nanoseconds, step: Nanoseconds): string {
  // The largest unit in which the step is at least 0.1: a 500 µs step reads "2.5 ms", a 20 µs step "340 µs".
  const [unit, scale] = UNITS.find(([, s]) => step >= s / 10) ?? UNITS[UNITS.length - 1];
  const decimals = Math.max(0, Math.min(6, Math.ceil(-Math.log10(step / scale) - 1e-9)));
  const v = ns / scale;
  return `${(Math.abs(v) < 1e-12 ? 0 : v).toFixed(decimals)} ${unit}`;
}

export function axisTicks(vp: Viewport, minGapPx: CssPixels = 90): Tick[] {
  const step = tickStep(vp, minGapPx);
  const first = Math.ceil(vp.startNs / step) * step;
  const out: Tick[] = [];
  for (let ns = first; ns < vp.endNs && out.length < 1000; ns += step) out.push({ ns, x: nsToX(vp, ns), label: formatTick(ns, step) });
  return out;
}

/** A duration for people: "1.52 s", "340 µs", "12 ns". */
export function formatDuration(ns: Nanoseconds): string {
  if (!Number.isFinite(ns)) return '—';
  const a = Math.abs(ns);
  if (a >= 60e9) {
    const m = Math.floor(a / 60e9);
    return `${m} min ${((a - m * 60e9) / 1e9).toFixed(0)} s`;
  }
  for (const [unit, scale] of UNITS) {
    if (a >= scale) {
      const v = ns / scale;
      return `${Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)} ${unit}`;
    }
  }
  return `${ns.toFixed(0)} ns`;
}
