import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { TraceModel } from '../../../parsers/model';
import { scheduler, TimelineController } from './controller';
import { DetailsPanel } from './DetailsPanel';
import { Legend } from './Legend';
import { ProcsArea } from './ProcsArea';
import { RowsArea } from './RowsArea';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SPAN_KIND_COUNT } from './span-kind';
import { Toolbar } from './Toolbar';
import { TracksArea } from './TracksArea';
import { usePalette } from './use-palette';
import { ResizablePanel } from '../components/ResizablePanel';

// Three panels share the width (suspects, row headers, details): every pixel here is taken from the
// time axis, so headers are just wide enough for "id  package.func  badge" at 12.5 px.
export const HEADER_WIDTH_CSS_PX = 264;
/** W/S zoom step: 1.5× per press, so ten presses cover ~57×. */
const KEY_ZOOM = 1.5;
/** While loading, the view follows the stream at most every 750 ms (about 5 % of a 200 MB load's CPU on 2 cores). */
const STREAM_UPDATE_MS = 750;
/** A/D pan step: a fifth of the visible width. */
const KEY_PAN = 0.2;

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);

/** One document's timeline. Mount it with a `key` per document: a new model (streaming) updates the view in place. */
export function TraceView({
  model,
  analysis,
  loading = false,
  aside,
}: {
  model: TraceModel;
  analysis: AnalysisResult | null;
  loading?: boolean;
  /** A panel beside the rows (the suspects panel), given this view's controller. */
  aside?: (ctrl: TimelineController) => ReactNode;
}) {
  // Created once per mount; later models stream in through update() so navigation survives.
  const [ctrl] = useState(() => new TimelineController(model, analysis));
  // While a big trace streams in, chunks arrive faster than re-deriving span kinds and rows over
  // millions of spans is worth: apply at most one update per STREAM_UPDATE_MS, and the last
  // one (loading ends, verdicts arrive) at once.
  const lastUpdate = useRef(0);
  useEffect(() => {
    const apply = () => {
      lastUpdate.current = performance.now();
      ctrl.update(model, analysis);
    };
    const wait = STREAM_UPDATE_MS - (performance.now() - lastUpdate.current);
    if (!loading || wait <= 0) {
      apply();
      return;
    }
    const t = setTimeout(apply, wait);
    return () => clearTimeout(t);
  }, [ctrl, model, analysis, loading]);
  const rootRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const pointerX = useRef<number | null>(null);
  const palette = usePalette();
  const showHelp = useStore(ctrl.ui, (s) => s.showHelp);
  const selectedRow = useStore(ctrl.ui, (s) => s.selectedRow);

  // Span colours as CSS variables, so DOM swatches and badges match the canvas exactly.
  useEffect(() => {
    const el = rootRef.current!;
    for (let k = 0; k < SPAN_KIND_COUNT; k++) {
      el.style.setProperty(`--k${k}`, palette.kind[k]);
      el.style.setProperty(`--kt${k}`, palette.kindText[k]);
    }
    for (const [c, v] of Object.entries(palette.confidence)) el.style.setProperty(`--conf-${c}`, v);
    el.style.setProperty('--ann-task', palette.task);
    el.style.setProperty('--ann-region', palette.region);
    scheduler.request();
  }, [palette]);

  // Moving the window to a screen with another devicePixelRatio re-sizes the canvases' backing
  // stores on the next frame (prepareCanvas reads the ratio every draw).
  useEffect(() => {
    let mq: MediaQueryList | null = null;
    const watch = () => {
      mq?.removeEventListener('change', onChange);
      mq = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      mq.addEventListener('change', onChange);
    };
    const onChange = () => {
      scheduler.request();
      watch();
    };
    watch();
    return () => mq?.removeEventListener('change', onChange);
  }, []);

  // data-idle: "no frame pending", what Playwright waits for before screenshots and asserts.
  useEffect(() => {
    const el = rootRef.current!;
    el.dataset.idle = scheduler.hasPendingFrames ? 'false' : 'true';
    const publish = () => {
      const vp = ctrl.nav.store.getState().viewport;
      el.dataset.viewStart = String(Math.round(vp.startNs));
      el.dataset.viewEnd = String(Math.round(vp.endNs));
      el.dataset.drawMs = scheduler.lastDrawMs.toFixed(2);
    };
    publish();
    const offIdle = scheduler.onIdleChange((idle) => {
      el.dataset.idle = idle ? 'true' : 'false';
      if (idle) publish();
    });
    return offIdle;
  }, [ctrl]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return;
      const nav = ctrl.nav;
      const vp = nav.store.getState().viewport;
      const anchor = pointerX.current ?? vp.widthPx / 2;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const selectRow = (r: number) => {
        if (r < 0) return;
        ctrl.select(r);
      };
      if (mod && key === 'z') {
        if (e.shiftKey) nav.redo();
        else nav.undo();
      } else if (mod && key === 'y') nav.redo();
      else if (mod || e.altKey) return;
      else if (key === 'w') nav.zoomBy(KEY_ZOOM, anchor);
      else if (key === 's') nav.zoomBy(1 / KEY_ZOOM, anchor);
      else if (key === 'a') nav.panBy(-vp.widthPx * KEY_PAN);
      else if (key === 'd') nav.panBy(vp.widthPx * KEY_PAN);
      else if (key === '0' || key === 'Home') nav.fit();
      else if (key === '?') ctrl.ui.setState({ showHelp: !ctrl.ui.getState().showHelp });
      else if (key === 'Escape') {
        if (ctrl.ui.getState().showHelp) ctrl.ui.setState({ showHelp: false });
        else ctrl.select(-1);
      } else if (key === 'n') selectRow(ctrl.nextSuspect(1));
      else if (key === 'p') selectRow(ctrl.nextSuspect(-1));
      else if (key === 'x') ctrl.setOptions({ suspectsOnly: !ctrl.ui.getState().options.suspectsOnly });
      else if (key === 'r') ctrl.setOptions({ hideRuntime: !ctrl.ui.getState().options.hideRuntime });
      else if (key === 'f' || key === '/') searchRef.current?.focus();
      else if (key === 'ArrowDown' || key === 'ArrowUp') {
        const { rows, indexOfRow, selectedRow } = ctrl.ui.getState();
        const dir = key === 'ArrowDown' ? 1 : -1;
        let i = selectedRow >= 0 ? indexOfRow[selectedRow] : -1;
        do i += dir;
        while (i >= 0 && i < rows.rows.length && rows.rows[i] < 0);
        if (i >= 0 && i < rows.rows.length) selectRow(rows.rows[i]);
      } else if (key === 'Enter') {
        const r = ctrl.ui.getState().selectedRow;
        if (r < 0) return;
        const m = ctrl.model;
        const g = m.goroutines;
        const a = Number.isNaN(g.createdNs[r]) ? 0 : g.createdNs[r];
        const b = Number.isNaN(g.endNs[r]) ? m.durationNs : g.endNs[r];
        nav.zoomToRange(a - (b - a) * 0.02, b + (b - a) * 0.02);
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctrl]);

  return (
    <div
      className="tv"
      ref={rootRef}
      data-testid="trace-view"
      onPointerMove={(e) => {
        const r = rootRef.current!.querySelector('.tv-overlay')?.getBoundingClientRect();
        pointerX.current = r && e.clientX >= r.left && e.clientX <= r.right ? e.clientX - r.left : null;
      }}
    >
      <Toolbar ctrl={ctrl} searchRef={searchRef} />
      <div className="tv-body">
        {aside && (
          <ResizablePanel id="suspects" side="left" label="Suspects" defaultPx={Math.round(Math.min(300, window.innerWidth * 0.24))} minPx={200} maxPx={560}>
            {aside(ctrl)}
          </ResizablePanel>
        )}
        <div className="tv-main">
          <TracksArea ctrl={ctrl} headerWidth={HEADER_WIDTH_CSS_PX} />
          <ProcsArea ctrl={ctrl} headerWidth={HEADER_WIDTH_CSS_PX} />
          <RowsArea ctrl={ctrl} headerWidth={HEADER_WIDTH_CSS_PX} />
          <Legend />
        </div>
        {/* Nothing selected: a thin strip, so the time axis gets the room (an empty panel took ~320 px). */}
        <ResizablePanel id="details" side="right" label="Details" defaultPx={Math.round(Math.min(340, window.innerWidth * 0.28))} minPx={240} maxPx={720} forceCollapsed={selectedRow < 0} collapsedHint="Select a goroutine to see its state changes, stacks and leak verdict (N: next suspect)">
          <DetailsPanel ctrl={ctrl} />
        </ResizablePanel>
      </div>
      {showHelp && <ShortcutsOverlay onClose={() => ctrl.ui.setState({ showHelp: false })} />}
    </div>
  );
}
