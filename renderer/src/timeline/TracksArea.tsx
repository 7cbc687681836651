import { useEffect, useRef } from 'react';
import { prepareCanvas } from './canvas-util';
import { scheduler, type TimelineController } from './controller';
import { AXIS_HEIGHT_CSS_PX, COUNT_TRACK_CSS_PX, drawTracks, formatBytesShort, GC_TRACK_CSS_PX, HEAP_TRACK_CSS_PX, TRACKS_HEIGHT_CSS_PX } from './draw-tracks';
import { goroutineCountSeries, heapSeries } from './series';
import { useStore } from 'zustand';
import { currentPalette } from './use-palette';
import { xToNs } from './viewport';

/** Axis and the tracks above the rows; dragging on them selects a range and zooms to it. */
export function TracksArea({ ctrl, headerWidth }: { ctrl: TimelineController; headerWidth: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useStore(ctrl.ui, (s) => s.dataVersion); // the maxima in the labels grow while the trace streams in
  useEffect(() => {
    const canvas = canvasRef.current!;
    const draw = () => {
      const vp = ctrl.nav.store.getState().viewport;
      const dpr = window.devicePixelRatio || 1;
      const ctx = prepareCanvas(canvas, vp.widthPx, TRACKS_HEIGHT_CSS_PX, dpr);
      if (!ctx) return;
      const s = ctrl.nav.store.getState();
      drawTracks({ ctx, dpr, width: vp.widthPx, vp, model: ctrl.model, palette: currentPalette(), hoverNs: s.hoverNs, selection: s.selection });
      // The tracks' maxima as text for tests and assistive tools (the canvas shows "max …").
      canvas.dataset.countMax = String(goroutineCountSeries(ctrl.model).max);
      canvas.dataset.heapMax = String(heapSeries(ctrl.model).max);
    };
    const off = scheduler.register(draw);
    const unsub = ctrl.nav.store.subscribe(() => scheduler.request(draw));
    return () => {
      off();
      unsub();
    };
  }, [ctrl]);

  const onPointerDown = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const vp0 = ctrl.nav.store.getState().viewport;
    const a = xToNs(vp0, e.clientX - rect.left);
    const move = (ev: PointerEvent) => ctrl.nav.setSelection({ a, b: xToNs(vp0, ev.clientX - rect.left) });
    const up = (ev: PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      const b = xToNs(vp0, ev.clientX - rect.left);
      ctrl.nav.setSelection(null);
      // A click (under 4 px) is not a range.
      if (Math.abs(ev.clientX - rect.left - (e.clientX - rect.left)) >= 4) ctrl.nav.zoomToRange(a, b);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  return (
    <div className="tv-tracks" style={{ height: TRACKS_HEIGHT_CSS_PX }}>
      <div className="tv-track-labels" style={{ width: headerWidth }}>
        <div style={{ height: AXIS_HEIGHT_CSS_PX }} className="tv-track-label tv-axis-label">
          time
        </div>
        <div style={{ height: COUNT_TRACK_CSS_PX }} className="tv-track-label tv-track-label-2">
          <span>Goroutines</span>
          <span className="muted tv-track-max" data-testid="count-max">
            max {goroutineCountSeries(ctrl.model).max.toLocaleString('en-US')}
          </span>
        </div>
        <div style={{ height: HEAP_TRACK_CSS_PX }} className="tv-track-label tv-track-label-2">
          <span>
            Heap <span className="muted">· goal dashed</span>
          </span>
          <span className="muted tv-track-max" data-testid="heap-max">
            max {formatBytesShort(heapSeries(ctrl.model).max)}
          </span>
        </div>
        <div style={{ height: GC_TRACK_CSS_PX }} className="tv-track-label">
          <span className="tv-swatch tv-swatch-gc" /> GC <span className="tv-swatch tv-swatch-stw" /> STW
        </div>
      </div>
      <canvas ref={canvasRef} className="tv-tracks-canvas" data-testid="tracks-canvas" onPointerDown={onPointerDown} title="Drag to select a time range and zoom to it" />
    </div>
  );
}
