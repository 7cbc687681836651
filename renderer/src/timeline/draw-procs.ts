// The processor lanes (one per P: when it ran, on which thread, under GC/STW bands) and the user
// annotation lanes (runtime/trace tasks, regions and log marks), drawn on one canvas between the
// tracks and the goroutine rows. No allocation per frame: indices come from proc-index.ts.
import type { TraceModel } from '../../../parsers/model';
import { fitText } from './canvas-util';
import type { Palette } from './palette';
import { annotationIndex, firstProcSpanEndingAfter, procIndex, type Annotation } from './proc-index';
import { SpanKind } from './span-kind';
import { formatDuration as fmt } from './time-axis';
import type { CssPixels } from './units';
import { nsToX, type Viewport } from './viewport';

export const PROC_ROW_CSS_PX = 14;
export const ANN_LANE_CSS_PX = 16;
/** Lanes drawn at most per annotation kind; deeper nesting is drawn in the last lane. */
export const MAX_ANN_LANES = 4;
const LOG_MARK_CSS_PX = 7;
/** Log marks get their own strip above the task lanes, so they never cover a task's name. */
export const LOG_STRIP_CSS_PX = 12;

export interface ProcsLayout {
  readonly procRows: number;
  readonly taskLanes: number;
  readonly regionLanes: number;
  /** Height of the log strip (0 without logs). */
  readonly logH: CssPixels;
  readonly height: CssPixels;
}

export function procsLayout(m: TraceModel, open: boolean): ProcsLayout {
  const a = annotationIndex(m);
  const procRows = open ? m.procs.count : 0;
  const taskLanes = Math.min(MAX_ANN_LANES, a.taskLanes);
  const regionLanes = Math.min(MAX_ANN_LANES, a.regionLanes);
  const logH = a.logs.length > 0 ? LOG_STRIP_CSS_PX : 0;
  return { procRows, taskLanes, regionLanes, logH, height: procRows * PROC_ROW_CSS_PX + logH + (taskLanes + regionLanes) * ANN_LANE_CSS_PX };
}

export interface ProcsFrame {
  readonly ctx: CanvasRenderingContext2D;
  readonly dpr: number;
  readonly width: CssPixels;
  readonly vp: Viewport;
  readonly model: TraceModel;
  readonly palette: Palette;
  readonly layout: ProcsLayout;
  readonly hoverNs: number;
}

const FONT = '10.5px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function drawProcs(f: ProcsFrame): void {
  const { ctx, palette: pal, vp, model: m, width, layout: L } = f;
  const minW = 1 / f.dpr;
  ctx.fillStyle = pal.rowBg;
  ctx.fillRect(0, 0, width, L.height);
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  const idx = procIndex(m);
  const s = m.procs.spans;
  ctx.fillStyle = pal.kind[SpanKind.Running];
  for (let r = 0; r < L.procRows; r++) {
    const p = idx.byId[r];
    const top = r * PROC_ROW_CSS_PX + 2;
    const h = PROC_ROW_CSS_PX - 4;
    if (r % 2 === 1) {
      ctx.fillStyle = pal.rowAltBg;
      ctx.fillRect(0, r * PROC_ROW_CSS_PX, width, PROC_ROW_CSS_PX);
      ctx.fillStyle = pal.kind[SpanKind.Running];
    }
    const end = idx.first[p] + idx.count[p];
    // Sub-pixel intervals merge into the pixel already painted (one rect per device pixel at most).
    let painted = -Infinity;
    for (let i = firstProcSpanEndingAfter(m, idx, p, vp.startNs); i < end; i++) {
      const sp = idx.order[i];
      if (s.startNs[sp] >= vp.endNs) break;
      const x0 = Math.max(nsToX(vp, s.startNs[sp]), painted, -1);
      const x1 = Math.min(nsToX(vp, s.endNs[sp]), width + 1);
      if (x1 <= painted) continue;
      const w = Math.max(minW, x1 - x0);
      ctx.fillRect(x0, top, w, h);
      painted = x0 + w;
    }
  }
  if (L.procRows > 0) {
    // GC and stop-the-world over every P: what the Ps were doing then is the collector's work.
    const pH = L.procRows * PROC_ROW_CSS_PX;
    ctx.globalAlpha = 0.28;
    bands(f, m.gc, 0, pH, pal.gc);
    ctx.globalAlpha = 0.45;
    bands(f, m.stw, 0, pH, pal.stw);
    ctx.globalAlpha = 1;
  }
  const a = annotationIndex(m);
  let y = L.procRows * PROC_ROW_CSS_PX + L.logH;
  if (L.taskLanes > 0) {
    lanes(f, a.tasks, y, pal.task, pal.annText);
    y += L.taskLanes * ANN_LANE_CSS_PX;
  }
  if (L.regionLanes > 0) lanes(f, a.regions, y, pal.region, pal.annText);
  if (a.logs.length > 0) {
    // Log marks: small downward triangles in their strip, pointing at the lanes below.
    const ly = L.procRows * PROC_ROW_CSS_PX + (LOG_STRIP_CSS_PX - LOG_MARK_CSS_PX) / 2;
    ctx.fillStyle = pal.text;
    let last = -Infinity;
    for (const l of a.logs) {
      const x = nsToX(vp, l.timeNs);
      if (x < -LOG_MARK_CSS_PX || x > width + LOG_MARK_CSS_PX || x - last < minW) continue;
      last = x;
      ctx.beginPath();
      ctx.moveTo(x - LOG_MARK_CSS_PX / 2, ly);
      ctx.lineTo(x + LOG_MARK_CSS_PX / 2, ly);
      ctx.lineTo(x, ly + LOG_MARK_CSS_PX);
      ctx.closePath();
      ctx.fill();
    }
  }
  if (!Number.isNaN(f.hoverNs)) {
    ctx.fillStyle = pal.cursor;
    ctx.fillRect(Math.round(nsToX(vp, f.hoverNs) * f.dpr) / f.dpr, 0, minW, L.height);
  }
  ctx.fillStyle = pal.textMuted;
  ctx.fillRect(0, L.height - minW, width, minW);
}

function bands(f: ProcsFrame, ranges: readonly { startNs: number; endNs: number }[], top: number, h: number, color: string): void {
  const { ctx } = f;
  ctx.fillStyle = color;
  for (const r of ranges) {
    const x0 = nsToX(f.vp, r.startNs);
    const x1 = nsToX(f.vp, r.endNs);
    if (x1 < 0 || x0 > f.width) continue;
    ctx.fillRect(x0, top, Math.max(1 / f.dpr, x1 - x0), h);
  }
}

function lanes(f: ProcsFrame, items: readonly Annotation[], top: number, fill: string, text: string): void {
  const { ctx, vp } = f;
  for (const it of items) {
    const x0 = nsToX(vp, it.startNs);
    const x1 = nsToX(vp, it.endNs);
    if (x1 < 0 || x0 > f.width) continue;
    const y = top + Math.min(it.lane, MAX_ANN_LANES - 1) * ANN_LANE_CSS_PX + 2;
    const h = ANN_LANE_CSS_PX - 4;
    const a = Math.max(x0, -1);
    const w = Math.max(1 / f.dpr, Math.min(x1, f.width + 1) - a);
    ctx.fillStyle = fill;
    ctx.fillRect(a, y, w, h);
    if (w < 24) continue;
    const label = fitText(ctx, it.name, w - 6);
    if (!label) continue;
    ctx.fillStyle = text;
    ctx.fillText(label, Math.max(a, 0) + 3, y + h / 2 + 0.5);
  }
}

/** What is under (x, y) on the procs canvas, as tooltip text; '' for nothing. */
export function procsHit(m: TraceModel, vp: Viewport, L: ProcsLayout, x: number, y: number, slopPx: number): { text: string; kind: 'proc' | 'task' | 'region' | 'log' | '' } {
  const ns = vp.startNs + ((x - slopPx) / vp.widthPx) * (vp.endNs - vp.startNs);
  const ns2 = vp.startNs + ((x + slopPx) / vp.widthPx) * (vp.endNs - vp.startNs);
  const a = annotationIndex(m);
  const procH = L.procRows * PROC_ROW_CSS_PX;
  if (y < procH) {
    const idx = procIndex(m);
    const p = idx.byId[Math.min(L.procRows - 1, Math.floor(y / PROC_ROW_CSS_PX))];
    const i = firstProcSpanEndingAfter(m, idx, p, ns);
    const sp = idx.order[i];
    if (i < idx.first[p] + idx.count[p] && m.procs.spans.startNs[sp] <= ns2) {
      const s = m.procs.spans;
      return { kind: 'proc', text: `P${m.procs.id[p]} running on thread M${s.thread[sp]}\nruns ${fmt(s.endNs[sp] - s.startNs[sp])}, from ${fmt(s.startNs[sp])} into the trace` };
    }
    return { kind: 'proc', text: `P${m.procs.id[p]} idle` };
  }
  if (y < procH + L.logH) {
    const l = a.logs.find((e) => e.timeNs >= ns && e.timeNs <= ns2);
    return l ? { kind: 'log', text: `log ${l.category ? `[${l.category}] ` : ''}${l.message}\ngoroutine ${l.goroutineId}${l.taskId > 0 ? ` · task ${l.taskId}` : ''} · ${fmt(l.timeNs)} into the trace` } : { kind: '', text: '' };
  }
  const laneOf = (top: number) => Math.floor((y - top) / ANN_LANE_CSS_PX);
  const taskTop = procH + L.logH;
  const regionTop = taskTop + L.taskLanes * ANN_LANE_CSS_PX;
  const pick = (items: readonly Annotation[], lane: number) => items.find((it) => Math.min(it.lane, MAX_ANN_LANES - 1) === lane && it.startNs <= ns2 && it.endNs >= ns);
  if (y < regionTop) {
    const t = pick(a.tasks, laneOf(taskTop));
    if (t) return { kind: 'task', text: `task ${t.name} (id ${t.taskId})\n${fmt(t.endNs - t.startNs)} · created by goroutine ${t.goroutineId}` };
  } else {
    const r = pick(a.regions, laneOf(regionTop));
    if (r) return { kind: 'region', text: `region ${r.name}\n${fmt(r.endNs - r.startNs)} · goroutine ${r.goroutineId}${r.taskId > 0 ? ` · task ${r.taskId}` : ''}` };
  }
  return { kind: '', text: '' };
}
