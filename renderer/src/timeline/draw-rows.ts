// Draws the visible goroutine rows on the one overlay canvas, from the virtualizer's items —
// the same geometry the DOM headers and hit-testing use.
import type { TraceModel } from '../../../parsers/model';
import type { Confidence } from '../../../analysis/verdict';
import { fitText, hatchPattern, textWidth } from './canvas-util';
import { layoutRow, type RowItem, type SpanBoxes } from './lod';
import type { FlowLink } from './controller';
import type { Palette } from './palette';
import { SPAN_KIND_LABELS, SpanKind } from './span-kind';
import { axisTicks, formatDuration } from './time-axis';
import type { CssPixels } from './units';
import { nsToX, type Viewport } from './viewport';

/** Labels need room for at least 'M…M' (speedscope's threshold), about 28 px at 11 px type. */
export const SPAN_MIN_WIDTH_FOR_TEXT_PX = 28;
export const SPAN_INSET_CSS_PX = 3;

export interface RowsFrame {
  readonly ctx: CanvasRenderingContext2D;
  readonly dpr: number;
  readonly width: CssPixels;
  readonly height: CssPixels;
  readonly vp: Viewport;
  readonly model: TraceModel;
  readonly kinds: Uint8Array;
  readonly items: readonly RowItem[];
  readonly scrollOffset: number;
  /** Row list value per item index: ≥ 0 goroutine row, < 0 group header. */
  readonly rows: Int32Array;
  readonly palette: Palette;
  /** Confidence of the verdict naming the goroutine row, if any. */
  readonly leakOf: (row: number) => Confidence | undefined;
  readonly blockedAtEnd: (row: number) => boolean;
  readonly selectedRow: number;
  readonly hoverSpan: number;
  readonly hoverNs: number;
  readonly selection: { a: number; b: number } | null;
  readonly boxes: SpanBoxes;
  /** The selected wait's unblock link (arrow from the waker's row), null for none. */
  readonly flow: FlowLink | null;
  /** Position of each goroutine row in `rows`, −1 when not listed. */
  readonly indexOfRow: Int32Array;
}

export function drawRows(f: RowsFrame): void {
  const { ctx, palette: pal, vp, model: m } = f;
  ctx.fillStyle = pal.rowBg;
  ctx.fillRect(0, 0, f.width, f.height);
  const minW = 1 / f.dpr;
  const snap = (x: number) => Math.round(x * f.dpr) / f.dpr;
  // Grid first, so spans cover it.
  ctx.fillStyle = pal.grid;
  for (const t of axisTicks(vp)) ctx.fillRect(snap(t.x), 0, minW, f.height);
  const endX = nsToX(vp, m.durationNs);
  ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  ctx.textBaseline = 'middle';
  for (const it of f.items) {
    const y = it.start - f.scrollOffset;
    if (y + it.size < 0 || y > f.height) continue;
    const rowValue = f.rows[it.index];
    if (rowValue === undefined) continue;
    if (rowValue < 0) {
      ctx.fillStyle = pal.groupBg;
      ctx.fillRect(0, y, f.width, it.size);
      continue;
    }
    const row = rowValue;
    const conf = f.leakOf(row);
    if (conf && row !== f.selectedRow) {
      // Suspects carry a faint wash of their confidence colour across the whole row.
      ctx.globalAlpha = pal.dark ? 0.13 : 0.08;
      ctx.fillStyle = pal.confidence[conf];
      ctx.fillRect(0, y, f.width, it.size);
      ctx.globalAlpha = 1;
    } else if (row === f.selectedRow) {
      ctx.fillStyle = pal.selectedBg;
      ctx.fillRect(0, y, f.width, it.size);
    } else if (it.index % 2 === 1) {
      ctx.fillStyle = pal.rowAltBg;
      ctx.fillRect(0, y, f.width, it.size);
    }
    const b = f.boxes;
    b.count = 0;
    layoutRow(m, f.kinds, row, vp, minW, b);
    const top = y + SPAN_INSET_CSS_PX;
    const h = it.size - 2 * SPAN_INSET_CSS_PX;
    let lastKind = -1;
    for (let i = 0; i < b.count; i++) {
      const k = b.kind[i];
      // Before creation and after exit the goroutine does not exist: nothing to draw.
      if (k === SpanKind.None) continue;
      if (k !== lastKind) {
        ctx.fillStyle = pal.kind[k];
        lastKind = k;
      }
      const x0 = snap(b.x0[i]);
      // Adjacent boxes stay distinguishable: a box wider than 3 px ends one device pixel short.
      const w = Math.max(minW, snap(b.x1[i]) - x0 - (b.x1[i] - b.x0[i] > 3 ? minW : 0));
      ctx.fillRect(x0, top, w, h);
    }
    if (f.blockedAtEnd(row)) drawLeakMark(f, row, top, h, endX);
    // Labels in a second pass (one font, fewer state changes), on a plate of the span's colour so
    // they stay legible over the leak hatching.
    for (let i = 0; i < b.count; i++) {
      const w = b.x1[i] - b.x0[i];
      const k = b.kind[i];
      if (w < SPAN_MIN_WIDTH_FOR_TEXT_PX || b.merged[i] !== 1 || k === SpanKind.None) continue;
      const sp = b.span[i];
      const dur = m.spans.endNs[sp] - m.spans.startNs[sp];
      const full = `${SPAN_KIND_LABELS[k]} · ${formatDuration(dur)}`;
      const text = textWidth(ctx, full) + 8 <= w ? full : fitText(ctx, SPAN_KIND_LABELS[k], w - 8);
      if (!text) continue;
      const x = Math.max(b.x0[i], 0) + 4;
      ctx.fillStyle = pal.kind[k];
      ctx.fillRect(x - 3, top + 2, textWidth(ctx, text) + 6, h - 4);
      ctx.fillStyle = pal.kindText[k];
      ctx.fillText(text, x, top + h / 2 + 0.5);
    }
    if (b.count > 0 && f.hoverSpan >= 0 && m.spans.goroutine[f.hoverSpan] === row) {
      const x0 = nsToX(vp, m.spans.startNs[f.hoverSpan]);
      const x1 = nsToX(vp, m.spans.endNs[f.hoverSpan]);
      ctx.strokeStyle = pal.text;
      ctx.lineWidth = 1.5;
      ctx.strokeRect(snap(Math.max(-2, x0)) + 0.75, top + 0.75, Math.max(2, Math.min(f.width + 2, x1) - Math.max(-2, x0)) - 1.5, h - 1.5);
    }
  }
  if (f.flow) drawFlow(f, f.flow);
  if (f.selection) {
    const a = nsToX(vp, Math.min(f.selection.a, f.selection.b));
    const z = nsToX(vp, Math.max(f.selection.a, f.selection.b));
    ctx.fillStyle = pal.selection;
    ctx.fillRect(a, 0, z - a, f.height);
  }
  if (!Number.isNaN(f.hoverNs)) {
    ctx.fillStyle = pal.cursor;
    ctx.fillRect(snap(nsToX(vp, f.hoverNs)), 0, minW, f.height);
  }
}

/** Hatching over the final (blocked-until-the-end) span, in the verdict's confidence colour. */
function drawLeakMark(f: RowsFrame, row: number, top: number, h: number, endX: number): void {
  const { ctx, model: m, vp, palette: pal } = f;
  const since = m.goroutines.finalSinceNs[row];
  const x0 = Math.max(0, nsToX(vp, Number.isNaN(since) ? 0 : since));
  const x1 = Math.min(f.width, endX);
  if (x1 <= x0) return;
  const conf = f.leakOf(row);
  const color = conf ? pal.confidence[conf] : pal.blockedNoVerdict;
  // Suspects get bold stripes; goroutines parked at the end that the analysis cleared (system
  // goroutines, idle workers) get faint ones: still "blocked until the end", but not alarming.
  if (!conf) {
    // Cleared by the analysis: wash the final span out so the suspects are what the eye finds.
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = pal.rowBg;
    ctx.fillRect(x0, top, x1 - x0, h);
    ctx.globalAlpha = 1;
  }
  const pat = hatchPattern(ctx, conf ? (pal.dark ? 'rgba(0,0,0,0.55)' : 'rgba(255,255,255,0.62)') : pal.dark ? 'rgba(0,0,0,0.22)' : 'rgba(255,255,255,0.38)', f.dpr);
  if (pat) {
    ctx.fillStyle = pat;
    ctx.fillRect(x0, top, x1 - x0, h);
  }
  if (!conf) return;
  ctx.fillStyle = color;
  // A confidence-coloured rail under the span and a bracket at the end of the trace.
  ctx.fillRect(x0, top + h - 2, x1 - x0, 2);
  ctx.fillRect(x0, top, 2, h);
  ctx.fillRect(x1 - 3, top - 1, 3, h + 2);
}

/** Vertical centre of a goroutine row on the canvas; off-screen or unlisted rows pin to an edge. */
function rowCentre(f: RowsFrame, row: number): { y: number; shown: boolean } {
  for (const it of f.items) {
    if (f.rows[it.index] === row) {
      const y = it.start - f.scrollOffset + it.size / 2;
      if (y >= 0 && y <= f.height) return { y, shown: true };
      return { y: y < 0 ? 0 : f.height, shown: false };
    }
  }
  const at = f.indexOfRow[row];
  const first = f.items.length > 0 ? f.items[0].index : 0;
  return { y: at >= 0 && at > first ? f.height : 0, shown: false };
}

/**
 * The unblock link: a curve from the waker's row to the woken row at the moment of the wake, a dot
 * where the waker acted and an arrowhead on the goroutine it woke (gotraceui's and Perfetto's
 * flow arrows). A row outside the view pins its end to the canvas edge, dashed.
 */
function drawFlow(f: RowsFrame, fl: FlowLink): void {
  const { ctx, vp, palette: pal } = f;
  const x = nsToX(vp, fl.atNs);
  if (x < -20 || x > f.width + 20) return;
  const a = rowCentre(f, fl.fromRow);
  const b = rowCentre(f, fl.toRow);
  if (!a.shown && !b.shown) return;
  const dir = b.y >= a.y ? 1 : -1;
  const tipY = b.y - dir * (b.shown ? ROW_HALF_CSS_PX : 0);
  const bend = Math.min(60, Math.max(16, Math.abs(tipY - a.y) / 3));
  ctx.strokeStyle = pal.text;
  ctx.fillStyle = pal.text;
  ctx.lineWidth = 1.5;
  if (!a.shown || !b.shown) ctx.setLineDash([4, 3]);
  ctx.beginPath();
  ctx.moveTo(x, a.y);
  ctx.bezierCurveTo(x + bend, a.y + dir * bend * 0.4, x + bend, tipY - dir * bend * 0.8, x, tipY);
  ctx.stroke();
  ctx.setLineDash([]);
  if (a.shown) {
    ctx.beginPath();
    ctx.arc(x, a.y, 3, 0, Math.PI * 2);
    ctx.fill();
  }
  if (b.shown) {
    ctx.beginPath();
    ctx.moveTo(x, tipY);
    ctx.lineTo(x - 4, tipY - dir * 7);
    ctx.lineTo(x + 4, tipY - dir * 7);
    ctx.closePath();
    ctx.fill();
  }
}

const ROW_HALF_CSS_PX = 8;
