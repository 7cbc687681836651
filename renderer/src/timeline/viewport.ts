// The visible time window and its mapping to pixels. Pure: the store holds a Viewport, the
// canvas, the axis and hit-testing all convert through these functions so they agree.
import type { CssPixels, Nanoseconds } from './units';

export interface Viewport {
  /** Time at the left edge of the span area. */
  readonly startNs: Nanoseconds;
  /** Time at the right edge (exclusive). */
  readonly endNs: Nanoseconds;
  /** Width of the span area. */
  readonly widthPx: CssPixels;
}

/**
 * Narrowest window: 100 ns across the whole width. Go traces timestamp in ns (after the
 * ticks-per-second conversion); zooming further only magnifies one event.
 */
export const MIN_VISIBLE_NS = 100;

export function nsPerPx(vp: Viewport): number {
  return (vp.endNs - vp.startNs) / Math.max(1, vp.widthPx);
}

export function nsToX(vp: Viewport, ns: Nanoseconds): CssPixels {
  return ((ns - vp.startNs) / (vp.endNs - vp.startNs)) * vp.widthPx;
}

export function xToNs(vp: Viewport, x: CssPixels): Nanoseconds {
  return vp.startNs + (x / Math.max(1, vp.widthPx)) * (vp.endNs - vp.startNs);
}

/** The whole trace with a 1 % margin on the right, so the "blocked until the end" edge is visible. */
export function fitViewport(durationNs: Nanoseconds, widthPx: CssPixels): Viewport {
  const d = Math.max(MIN_VISIBLE_NS, durationNs);
  return { startNs: 0, endNs: d * 1.01, widthPx };
}

/**
 * Keeps the window inside [-5 %, 105 %] of the trace and at least MIN_VISIBLE_NS wide; a
 * window wider than that range snaps to it.
 */
export function clampViewport(vp: Viewport, durationNs: Nanoseconds): Viewport {
  const d = Math.max(MIN_VISIBLE_NS, durationNs);
  const lo = -0.05 * d;
  const hi = 1.05 * d;
  let span = Math.max(MIN_VISIBLE_NS, vp.endNs - vp.startNs);
  if (span > hi - lo) span = hi - lo;
  let start = vp.startNs;
  if (start < lo) start = lo;
  if (start + span > hi) start = hi - span;
  return { startNs: start, endNs: start + span, widthPx: vp.widthPx };
}

/** Zooms by `factor` (> 1 zooms in) keeping the time under `anchorX` fixed. */
export function zoomAt(vp: Viewport, factor: number, anchorX: CssPixels, durationNs: Nanoseconds): Viewport {
  const anchorNs = xToNs(vp, anchorX);
  const span = Math.max(MIN_VISIBLE_NS, (vp.endNs - vp.startNs) / factor);
  const frac = anchorX / Math.max(1, vp.widthPx);
  const startNs = anchorNs - frac * span;
  return clampViewport({ startNs, endNs: startNs + span, widthPx: vp.widthPx }, durationNs);
}

/** Pans by `dx` CSS pixels (positive moves the content left, i.e. later times come into view). */
export function panBy(vp: Viewport, dx: CssPixels, durationNs: Nanoseconds): Viewport {
  const dt = dx * nsPerPx(vp);
  return clampViewport({ startNs: vp.startNs + dt, endNs: vp.endNs + dt, widthPx: vp.widthPx }, durationNs);
}

/** Shows [a, b] (in either order). */
export function zoomToRange(vp: Viewport, a: Nanoseconds, b: Nanoseconds, durationNs: Nanoseconds): Viewport {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return clampViewport({ startNs: lo, endNs: Math.max(hi, lo + MIN_VISIBLE_NS), widthPx: vp.widthPx }, durationNs);
}

export function withWidth(vp: Viewport, widthPx: CssPixels): Viewport {
  if (vp.widthPx === widthPx) return vp;
  // Keep the time scale (ns per pixel) when the window is resized, as editors keep font size.
  const scale = vp.widthPx > 0 ? (vp.endNs - vp.startNs) / vp.widthPx : 0;
  if (scale <= 0) return { ...vp, widthPx };
  return { startNs: vp.startNs, endNs: vp.startNs + scale * widthPx, widthPx };
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.startNs === b.startNs && a.endNs === b.endNs && a.widthPx === b.widthPx;
}
