// Canvas plumbing shared by the row overlay and the tracks: device-pixel sizing, a cached
// measureText and the leak hatching pattern.
import type { CssPixels } from './units';

/** Sizes a canvas in device pixels (floored, as the Firefox Profiler does) and returns its 2D context scaled to CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, width: CssPixels, height: CssPixels, dpr: number): CanvasRenderingContext2D | null {
  const w = Math.max(1, Math.floor(width * dpr));
  const h = Math.max(1, Math.floor(height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const cssW = `${width}px`;
  const cssH = `${height}px`;
  if (canvas.style.width !== cssW) canvas.style.width = cssW;
  if (canvas.style.height !== cssH) canvas.style.height = cssH;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

const widths = new Map<string, number>();
/** measureText is ~1 µs per call and labels repeat ("chan send"): cache by font and text. */
export function textWidth(ctx: CanvasRenderingContext2D, text: string): number {
  const key = ctx.font + '\u0000' + text;
  let w = widths.get(key);
  if (w === undefined) {
    w = ctx.measureText(text).width;
    if (widths.size > 5000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

/** Cuts `text` to fit `maxWidth`, ending in '…'; '' when not even one character and the ellipsis fit. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (textWidth(ctx, text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (textWidth(ctx, text.slice(0, mid) + '…') <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : text.slice(0, lo) + '…';
}

const patterns = new Map<string, CanvasPattern | null>();
/** Diagonal stripes (45°, 6 device px period) in `color`, for the leak mark. */
export function hatchPattern(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | null {
  const key = `${color}@${dpr}`;
  if (patterns.has(key)) return patterns.get(key)!;
  const size = Math.round(7 * dpr);
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const p = c.getContext('2d');
  let pat: CanvasPattern | null = null;
  if (p) {
    p.strokeStyle = color;
    p.lineWidth = 1.6 * dpr;
    p.beginPath();
    for (const o of [-size, 0, size]) {
      p.moveTo(o, size);
      p.lineTo(o + size, 0);
    }
    p.stroke();
    pat = ctx.createPattern(c, 'repeat');
    pat?.setTransform(new DOMMatrix().scale(1 / dpr));
  }
  patterns.set(key, pat);
  return pat;
}
