import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { prepareCanvas } from './canvas-util';
import { scheduler, type TimelineController } from './controller';
import { ANN_LANE_CSS_PX, drawProcs, PROC_ROW_CSS_PX, procsHit, procsLayout } from './draw-procs';
import { procIndex } from './proc-index';
import { currentPalette } from './use-palette';
import { xToNs } from './viewport';

const OPEN_KEY = 'leakline.procsOpen';

/**
 * Processor lanes (P rows: when each P ran and on which thread, GC/STW over them) and the user
 * annotations of runtime/trace (tasks, regions, logs), between the tracks and the goroutine rows.
 * The P rows collapse to a one-line header; the choice is remembered.
 */
export function ProcsArea({ ctrl, headerWidth }: { ctrl: TimelineController; headerWidth: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(() => localStorage.getItem(OPEN_KEY) !== 'false');
  useStore(ctrl.ui, (s) => s.dataVersion); // the final model brings the P table
  const m = ctrl.model;
  const layout = procsLayout(m, open);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const draw = () => {
      const L = layoutRef.current;
      if (L.height === 0) return;
      const vp = ctrl.nav.store.getState().viewport;
      const dpr = window.devicePixelRatio || 1;
      const ctx = prepareCanvas(canvas, vp.widthPx, L.height, dpr);
      if (!ctx) return;
      drawProcs({ ctx, dpr, width: vp.widthPx, vp, model: ctrl.model, palette: currentPalette(), layout: L, hoverNs: ctrl.nav.store.getState().hoverNs });
    };
    const off = scheduler.register(draw);
    const unsub = ctrl.nav.store.subscribe(() => scheduler.request(draw));
    scheduler.request(draw);
    return () => {
      off();
      unsub();
    };
  }, [ctrl, layout.height]);

  if (m.procs.count === 0 && layout.height === 0) return null;
  const toggle = () => {
    localStorage.setItem(OPEN_KEY, String(!open));
    setOpen(!open);
  };
  const onMove = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const vp = ctrl.nav.store.getState().viewport;
    ctrl.nav.setHover(xToNs(vp, x));
    const hit = procsHit(ctrl.model, vp, layout, x, e.clientY - rect.top, 3);
    const tip = tipRef.current!;
    tip.hidden = hit.text === '';
    tip.textContent = hit.text;
    tip.style.transform = `translate(${Math.min(x + headerWidth + 14, rect.width)}px, ${e.clientY - rect.top + 14}px)`;
  };
  const onLeave = () => {
    ctrl.nav.setHover(NaN);
    tipRef.current!.hidden = true;
  };
  return (
    <div className="tv-procs" data-testid="procs-area">
      <div className="tv-procs-head" style={{ width: headerWidth }}>
        <button type="button" className="tv-procs-toggle" aria-expanded={open} aria-controls="tv-procs-lanes" onClick={toggle} data-testid="procs-toggle" title={open ? 'Collapse the processor rows' : 'Show one row per processor (P)'}>
          <span aria-hidden>{open ? '▾' : '▸'}</span> Processors <span className="muted">({m.procs.count} P)</span>
        </button>
      </div>
      {layout.height > 0 && (
        <div className="tv-procs-body" id="tv-procs-lanes">
          <div className="tv-track-labels tv-procs-labels" style={{ width: headerWidth }}>
            {Array.from(procIndex(m).byId.subarray(0, layout.procRows), (p) => (
              <div key={p} className="tv-proc-label" style={{ height: PROC_ROW_CSS_PX }} data-testid="proc-label">
                P{m.procs.id[p]}
              </div>
            ))}
            {layout.logH > 0 && (
              <div className="tv-proc-label tv-ann-label tv-log-label" style={{ height: layout.logH }} data-testid="logs-label">
                <span className="tv-swatch tv-swatch-log tv-swatch-logmark" /> Logs
              </div>
            )}
            {layout.taskLanes > 0 && (
              <div className="tv-proc-label tv-ann-label" style={{ height: layout.taskLanes * ANN_LANE_CSS_PX }} data-testid="tasks-label">
                <span className="tv-swatch tv-swatch-task" /> User tasks
              </div>
            )}
            {layout.regionLanes > 0 && (
              <div className="tv-proc-label tv-ann-label" style={{ height: layout.regionLanes * ANN_LANE_CSS_PX }} data-testid="regions-label">
                <span className="tv-swatch tv-swatch-region" /> Regions
              </div>
            )}
          </div>
          <canvas ref={canvasRef} className="tv-procs-canvas" data-testid="procs-canvas" data-procs={layout.procRows} data-tasks={m.tasks.length} data-regions={m.regions.length} data-logs={m.logs.length} onPointerMove={onMove} onPointerLeave={onLeave} />
          <div ref={tipRef} className="tv-tip" hidden role="tooltip" data-testid="procs-tip" />
        </div>
      )}
    </div>
  );
}
