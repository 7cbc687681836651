// One open trace's view: the data (model, span kinds, leak index, row list), the navigation
// store and the UI store. React components read coarse state from `ui`; canvases read
// everything at draw time and redraw through the shared FrameScheduler, so panning and zooming
// never re-render React.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { TraceModel } from '../../../parsers/model';
import { blockedAtEnd, buildLeakIndex, confidenceOf, type LeakIndex } from './leak-marks';
import { createNavStore } from './nav-store';
import { FrameScheduler } from './frame-scheduler';
import { buildRows, DEFAULT_ROW_OPTIONS, type RowList, type RowOptions } from './rows';
import { spanKinds } from './span-kind';
import { wakeOf } from './flow';

/** The selected wait's unblock link, drawn as an arrow from the waker's row to the woken row. */
export interface FlowLink {
  readonly fromRow: number;
  readonly toRow: number;
  readonly atNs: number;
}

export interface UiState {
  options: RowOptions;
  rows: RowList;
  /** Position of each goroutine row in `rows.rows`, −1 when filtered out or collapsed. */
  indexOfRow: Int32Array;
  selectedRow: number;
  selectedSpan: number;
  showHelp: boolean;
  /** Bumped when the model grows (streaming): row headers re-render. */
  dataVersion: number;
}

/** One scheduler per window (module singleton): every canvas draws in the same frame. */
export const scheduler = typeof window !== 'undefined' ? new FrameScheduler() : (null as unknown as FrameScheduler);
// The benchmark (test/bench/ui) reads per-frame draw times from here, as Perfetto exposes its perf stats.
if (typeof window !== 'undefined') (window as unknown as { __leaklineScheduler: FrameScheduler }).__leaklineScheduler = scheduler;

export class TimelineController {
  readonly nav;
  readonly ui: StoreApi<UiState>;
  kinds: Uint8Array;
  leaks: LeakIndex;
  /** Transient hover state, read by the canvases at draw time. */
  hover = { span: -1, row: -1 };
  /** Read by the rows canvas at draw time; set with the selection. */
  flow: FlowLink | null = null;

  constructor(
    public model: TraceModel,
    public analysis: AnalysisResult | null,
  ) {
    this.kinds = spanKinds(model);
    this.leaks = buildLeakIndex(analysis);
    this.nav = createNavStore(model.durationNs);
    const rows = buildRows(model, this.leaks, DEFAULT_ROW_OPTIONS);
    this.ui = createStore<UiState>()(() => ({
      options: DEFAULT_ROW_OPTIONS,
      rows,
      indexOfRow: indexRows(rows, model.goroutines.count),
      selectedRow: -1,
      selectedSpan: -1,
      showHelp: false,
      dataVersion: 0,
    }));
  }

  /**
   * A streaming document hands over a new model object per chunk (and the verdicts at the end):
   * keep navigation, selection and filters, rebuild what depends on the data. Goroutine rows keep
   * their indices across chunks (the engine only appends), so the selection stays valid.
   */
  update(model: TraceModel, analysis: AnalysisResult | null): void {
    if (model === this.model && analysis === this.analysis) return;
    this.model = model;
    this.analysis = analysis;
    this.kinds = spanKinds(model);
    this.leaks = buildLeakIndex(analysis);
    this.nav.setDuration(model.durationNs);
    const s = this.ui.getState();
    const rows = buildRows(model, this.leaks, s.options);
    const selectedRow = s.selectedRow < model.goroutines.count ? s.selectedRow : -1;
    const selectedSpan = s.selectedSpan < model.spans.count ? s.selectedSpan : -1;
    this.hover = { span: -1, row: -1 };
    this.flow = this.flowOf(selectedSpan);
    this.ui.setState({ rows, indexOfRow: indexRows(rows, model.goroutines.count), selectedRow, selectedSpan, dataVersion: s.dataVersion + 1 });
    scheduler.request();
  }

  setOptions(patch: Partial<RowOptions>): void {
    const options = { ...this.ui.getState().options, ...patch };
    const rows = buildRows(this.model, this.leaks, options);
    this.ui.setState({ options, rows, indexOfRow: indexRows(rows, this.model.goroutines.count) });
    scheduler.request();
  }

  toggleGroup(key: string): void {
    const collapsed = new Set(this.ui.getState().options.collapsed);
    if (collapsed.has(key)) collapsed.delete(key);
    else collapsed.add(key);
    this.setOptions({ collapsed });
  }

  select(row: number, span = -1): void {
    this.flow = this.flowOf(span);
    this.ui.setState({ selectedRow: row, selectedSpan: span });
    scheduler.request();
  }

  /**
   * Shows only `ids` (a verdict's goroutines) and selects the first shown, scrolled into view by
   * the rows area; null shows everything again. Used by the suspects panel (renderer/src/hunt).
   */
  focusGoroutines(ids: readonly number[] | null): void {
    this.setOptions({ onlyIds: ids ? new Set(ids) : null });
    const { rows } = this.ui.getState();
    let first = -1;
    for (const r of rows.rows) {
      if (r >= 0) {
        first = r;
        break;
      }
    }
    this.select(ids ? first : -1);
  }

  private flowOf(span: number): FlowLink | null {
    if (span < 0) return null;
    const w = wakeOf(this.model, span);
    const fromRow = w ? this.rowOfGoroutineId(w.id) : -1;
    return w && fromRow >= 0 ? { fromRow, toRow: this.model.spans.goroutine[span], atNs: w.atNs } : null;
  }

  leakOf = (row: number) => confidenceOf(this.leaks, this.model, row);
  blockedAtEnd = (row: number) => blockedAtEnd(this.model, row);

  rowOfGoroutineId(id: number): number {
    const g = this.model.goroutines;
    for (let r = 0; r < g.count; r++) if (g.id[r] === id) return r;
    return -1;
  }

  /** Next (dir 1) or previous (−1) suspected goroutine in the current row order, wrapping. */
  nextSuspect(dir: 1 | -1): number {
    const { rows, indexOfRow, selectedRow } = this.ui.getState();
    const n = rows.rows.length;
    if (n === 0) return -1;
    const from = selectedRow >= 0 && indexOfRow[selectedRow] >= 0 ? indexOfRow[selectedRow] : dir === 1 ? -1 : n;
    for (let k = 1; k <= n; k++) {
      const i = (((from + dir * k) % n) + n) % n;
      const r = rows.rows[i];
      if (r >= 0 && this.leakOf(r) !== undefined) return r;
    }
    return -1;
  }
}

function indexRows(rows: RowList, count: number): Int32Array {
  const idx = new Int32Array(count).fill(-1);
  rows.rows.forEach((r, i) => {
    if (r >= 0) idx[r] = i;
  });
  return idx;
}
