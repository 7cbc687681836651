// The tracks above the rows: time axis, live goroutines, heap (with the GC goal), GC and STW.
import type { TraceModel } from '../../../parsers/model';
import { textWidth } from './canvas-util';
import type { Palette } from './palette';
import { columnMax, goroutineCountSeries, heapSeries, type StepSeries } from './series';
import { axisTicks } from './time-axis';
import type { CssPixels } from './units';
import { nsToX, type Viewport } from './viewport';

export const AXIS_HEIGHT_CSS_PX = 26;
export const COUNT_TRACK_CSS_PX = 44;
export const HEAP_TRACK_CSS_PX = 44;
export const GC_TRACK_CSS_PX = 20;
export const TRACKS_HEIGHT_CSS_PX = AXIS_HEIGHT_CSS_PX + COUNT_TRACK_CSS_PX + HEAP_TRACK_CSS_PX + GC_TRACK_CSS_PX;

export interface TracksFrame {
  readonly ctx: CanvasRenderingContext2D;
  readonly dpr: number;
  readonly width: CssPixels;
  readonly vp: Viewport;
  readonly model: TraceModel;
  readonly palette: Palette;
  readonly hoverNs: number;
  readonly selection: { a: number; b: number } | null;
}

const FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function drawTracks(f: TracksFrame): void {
  const { ctx, palette: pal, vp, model: m, width } = f;
  const minW = 1 / f.dpr;
  const snap = (x: number) => Math.round(x * f.dpr) / f.dpr;
  ctx.fillStyle = pal.rowBg;
  ctx.fillRect(0, 0, width, TRACKS_HEIGHT_CSS_PX);
  ctx.fillStyle = pal.axisBg;
  ctx.fillRect(0, 0, width, AXIS_HEIGHT_CSS_PX);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  const ticks = axisTicks(vp);
  for (const t of ticks) {
    ctx.fillStyle = pal.grid;
    ctx.fillRect(snap(t.x), AXIS_HEIGHT_CSS_PX, minW, TRACKS_HEIGHT_CSS_PX - AXIS_HEIGHT_CSS_PX);
    ctx.fillStyle = pal.textMuted;
    ctx.fillRect(snap(t.x), AXIS_HEIGHT_CSS_PX - 6, minW, 6);
    if (snap(t.x) + 4 + textWidth(ctx, t.label) < width) ctx.fillText(t.label, snap(t.x) + 4, AXIS_HEIGHT_CSS_PX / 2 - 1);
  }
  // The end of the trace: everything blocked here is "blocked until the end".
  const endX = nsToX(vp, m.durationNs);
  let y = AXIS_HEIGHT_CSS_PX;
  // The tracks' maxima are written in their labels (TracksArea), never over the curves.
  drawStep(f, goroutineCountSeries(m), y, COUNT_TRACK_CSS_PX, pal.countLine, pal.countFill);
  y += COUNT_TRACK_CSS_PX;
  const heap = heapSeries(m);
  drawStep(f, heap, y, HEAP_TRACK_CSS_PX, pal.heapLine, pal.heapFill);
  if (m.heapGoal && m.heapGoal.timeNs.length > 0) drawGoal(f, m.heapGoal, heap.max, y, HEAP_TRACK_CSS_PX);
  y += HEAP_TRACK_CSS_PX;
  drawRanges(f, m.gc, y + 3, 7, pal.gc);
  drawRanges(f, m.stw, y + 11, 6, pal.stw);
  ctx.fillStyle = pal.textMuted;
  ctx.fillRect(0, TRACKS_HEIGHT_CSS_PX - minW, width, minW);
  if (endX >= 0 && endX <= width) {
    ctx.fillStyle = pal.textMuted;
    ctx.fillRect(snap(endX), AXIS_HEIGHT_CSS_PX, minW, TRACKS_HEIGHT_CSS_PX);
  }
  if (f.selection) {
    const a = nsToX(vp, Math.min(f.selection.a, f.selection.b));
    const z = nsToX(vp, Math.max(f.selection.a, f.selection.b));
    ctx.fillStyle = pal.selection;
    ctx.fillRect(a, 0, z - a, TRACKS_HEIGHT_CSS_PX);
  }
  if (!Number.isNaN(f.hoverNs)) {
    ctx.fillStyle = pal.cursor;
    ctx.fillRect(snap(nsToX(vp, f.hoverNs)), 0, minW, TRACKS_HEIGHT_CSS_PX);
  }
}

function drawStep(f: TracksFrame, s: StepSeries, top: number, height: number, line: string, fill: string): void {
  const { ctx } = f;
  const step = 1;
  const cols = columnMax(s, f.vp, step);
  const pad = 4;
  const scale = s.max > 0 ? (height - 2 * pad) / s.max : 0;
  const base = top + height - pad;
  ctx.beginPath();
  let started = false;
  let lastX = 0;
  for (let c = 0; c < cols.length; c++) {
    const v = cols[c];
    if (Number.isNaN(v)) continue;
    const x = c * step;
    const yv = base - v * scale;
    if (!started) {
      ctx.moveTo(x, base);
      started = true;
    }
    ctx.lineTo(x, yv);
    ctx.lineTo(x + step, yv);
    lastX = x + step;
  }
  if (started) {
    ctx.lineTo(lastX, base);
    ctx.closePath();
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.strokeStyle = line;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
}

function drawGoal(f: TracksFrame, goal: { timeNs: Float64Array; bytes: Float64Array }, max: number, top: number, height: number): void {
  const { ctx } = f;
  const pad = 4;
  const scale = max > 0 ? (height - 2 * pad) / max : 0;
  const base = top + height - pad;
  ctx.beginPath();
  for (let i = 0; i < goal.timeNs.length; i++) {
    const x0 = nsToX(f.vp, goal.timeNs[i]);
    const x1 = i + 1 < goal.timeNs.length ? nsToX(f.vp, goal.timeNs[i + 1]) : f.width;
    if (x1 < 0 || x0 > f.width) continue;
    const y = base - goal.bytes[i] * scale;
    ctx.moveTo(Math.max(0, x0), y);
    ctx.lineTo(Math.min(f.width, x1), y);
  }
  ctx.setLineDash([3, 3]);
  ctx.strokeStyle = f.palette.heapGoal;
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawRanges(f: TracksFrame, ranges: readonly { startNs: number; endNs: number }[], top: number, h: number, color: string): void {
  const { ctx } = f;
  ctx.fillStyle = color;
  let painted = -Infinity;
  for (const r of ranges) {
    const x0 = Math.max(nsToX(f.vp, r.startNs), painted);
    const x1 = nsToX(f.vp, r.endNs);
    if (x1 < 0 || x0 > f.width) continue;
    const w = Math.max(1 / f.dpr, x1 - x0);
    ctx.fillRect(x0, top, w, h);
    painted = x0 + w;
  }
}

export function formatBytesShort(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 || i === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
