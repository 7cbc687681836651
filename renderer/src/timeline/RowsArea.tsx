import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { prepareCanvas } from './canvas-util';
import { scheduler, type TimelineController } from './controller';
import { drawRows } from './draw-rows';
import { createBoxes, hitTestRow, rowItemAt } from './lod';
import { GroupHeader, RowHeader } from './RowHeader';
import { SpanKind } from './span-kind';
import { describeSpan } from './span-text';
import { currentPalette } from './use-palette';
import { xToNs } from './viewport';

export const ROW_HEIGHT_CSS_PX = 22;
export const GROUP_ROW_HEIGHT_CSS_PX = 26;
/** Pointer travel below which a press is a click, not a drag. */
const CLICK_SLOP_CSS_PX = 4;

export function RowsArea({ ctrl, headerWidth }: { ctrl: TimelineController; headerWidth: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const rows = useStore(ctrl.ui, (s) => s.rows);
  const selectedRow = useStore(ctrl.ui, (s) => s.selectedRow);
  const dataVersion = useStore(ctrl.ui, (s) => s.dataVersion);
  const virtualizer = useVirtualizer({
    count: rows.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows.rows[i] < 0 ? GROUP_ROW_HEIGHT_CSS_PX : ROW_HEIGHT_CSS_PX),
    overscan: 8,
    // Headers re-render in React's next batch instead of synchronously inside the scroll event;
    // the canvas reads the virtualizer's range at draw time, so it never lags the scroll.
    useFlushSync: false,
  });
  // Row heights depend on the list: re-measure when it changes.
  useLayoutEffect(() => virtualizer.measure(), [rows, virtualizer]);

  const heightRef = useRef(0);
  const drawRef = useRef<() => void>(() => {});
  drawRef.current = () => {
    const canvas = canvasRef.current;
    const scroll = scrollRef.current;
    if (!canvas || !scroll) return;
    const vp = ctrl.nav.store.getState().viewport;
    // Height from the ResizeObserver and offset from the virtualizer: reading clientHeight or
    // scrollTop here would force a synchronous layout in every frame after React's commit.
    const height = heightRef.current;
    const dpr = window.devicePixelRatio || 1;
    const ctx = prepareCanvas(canvas, vp.widthPx, height, dpr);
    if (!ctx) return;
    const nav = ctrl.nav.store.getState();
    const ui = ctrl.ui.getState();
    drawRows({
      ctx,
      dpr,
      width: vp.widthPx,
      height,
      vp,
      model: ctrl.model,
      kinds: ctrl.kinds,
      items: virtualizer.getVirtualItems(),
      scrollOffset: virtualizer.scrollOffset ?? 0,
      rows: ui.rows.rows,
      palette: currentPalette(),
      leakOf: ctrl.leakOf,
      blockedAtEnd: ctrl.blockedAtEnd,
      selectedRow: ui.selectedRow,
      hoverSpan: ctrl.hover.span,
      hoverNs: nav.hoverNs,
      selection: nav.selection,
      boxes,
      flow: ctrl.flow,
      indexOfRow: ui.indexOfRow,
    });
    // The drawn unblock link as text for tests and assistive tools (written only when it changes).
    const fl = ctrl.flow;
    const flowText = fl ? `${ctrl.model.goroutines.id[fl.fromRow]}>${ctrl.model.goroutines.id[fl.toRow]}@${fl.atNs}` : '';
    if (canvas.dataset.flow !== flowText) canvas.dataset.flow = flowText;
  };
  const boxes = useRef(createBoxes()).current;
  const scratch = useRef(createBoxes()).current;
  const draw = useRef(() => drawRef.current()).current;

  useEffect(() => {
    const off = scheduler.register(draw);
    const unsubNav = ctrl.nav.store.subscribe(() => scheduler.request(draw));
    const unsubUi = ctrl.ui.subscribe(() => scheduler.request(draw));
    const scroll = scrollRef.current!;
    const ro = new ResizeObserver(() => {
      heightRef.current = scroll.clientHeight;
      ctrl.nav.setWidth(Math.max(50, scroll.clientWidth - headerWidth));
      scheduler.request();
    });
    ro.observe(scroll);
    const onScroll = () => scheduler.request(draw);
    scroll.addEventListener('scroll', onScroll, { passive: true });
    // Ctrl/⌘ + wheel zooms at the cursor, Shift + wheel or a horizontal swipe pans; a plain
    // wheel scrolls rows natively. Non-passive so the browser's page zoom does not fire.
    const onWheel = (e: WheelEvent) => {
      const rect = scroll.getBoundingClientRect();
      const x = e.clientX - rect.left - headerWidth;
      const px = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        ctrl.nav.zoomBy(Math.exp(-e.deltaY * px * 0.002), Math.max(0, x), true);
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        ctrl.nav.panBy((e.shiftKey ? e.deltaY || e.deltaX : e.deltaX) * px, true);
      }
    };
    scroll.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      off();
      unsubNav();
      unsubUi();
      ro.disconnect();
      scroll.removeEventListener('scroll', onScroll);
      scroll.removeEventListener('wheel', onWheel);
    };
  }, [ctrl, draw, headerWidth]);

  // The virtualizer re-renders this component on scroll; the canvas follows in the same frame.
  useEffect(() => scheduler.request(draw));

  useEffect(() => {
    if (selectedRow < 0) return;
    const i = ctrl.ui.getState().indexOfRow[selectedRow];
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'auto' });
  }, [selectedRow, ctrl, virtualizer]);

  /** Goroutine row and span under a pointer position, from the same geometry the canvas draws. */
  const hitAt = (clientX: number, clientY: number) => {
    const scroll = scrollRef.current!;
    const rect = scroll.getBoundingClientRect();
    const x = clientX - rect.left - headerWidth;
    const y = clientY - rect.top + scroll.scrollTop;
    const item = rowItemAt(virtualizer.getVirtualItems(), y);
    const row = item ? ctrl.ui.getState().rows.rows[item.index] : undefined;
    if (row === undefined || row < 0 || x < 0) return { x, row: row ?? -1, span: -1, groupIndex: row !== undefined && row < 0 ? -row - 1 : -1 };
    const vp = ctrl.nav.store.getState().viewport;
    let span = hitTestRow(ctrl.model, ctrl.kinds, row, vp, 1 / (window.devicePixelRatio || 1), x, 3, scratch);
    if (span >= 0 && ctrl.kinds[span] === SpanKind.None) span = -1; // not existing: nothing there
    return { x, row, span, groupIndex: -1 };
  };

  const onPointerMove = (e: React.PointerEvent) => {
    if (e.buttons !== 0) return;
    const h = hitAt(e.clientX, e.clientY);
    const vp = ctrl.nav.store.getState().viewport;
    ctrl.nav.setHover(h.x >= 0 ? xToNs(vp, h.x) : NaN);
    if (h.span !== ctrl.hover.span) {
      ctrl.hover = { span: h.span, row: h.row };
      scheduler.request(draw);
    }
    const tip = tipRef.current!;
    if (h.span >= 0) {
      tip.textContent = describeSpan(ctrl.model, ctrl.kinds, h.span);
      const rect = scrollRef.current!.getBoundingClientRect();
      tip.style.transform = `translate(${Math.min(e.clientX - rect.left + 14, rect.width - 320)}px, ${e.clientY - rect.top + 16}px)`;
      tip.hidden = false;
    } else tip.hidden = true;
  };
  const onPointerLeave = () => {
    ctrl.nav.setHover(NaN);
    ctrl.hover = { span: -1, row: -1 };
    tipRef.current!.hidden = true;
    scheduler.request(draw);
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const startX = e.clientX;
    const rect = scrollRef.current!.getBoundingClientRect();
    if (startX - rect.left < headerWidth) return; // headers handle their own clicks
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    let lastX = startX;
    let dragged = false;
    tipRef.current!.hidden = true;
    const move = (ev: PointerEvent) => {
      if (!dragged && Math.abs(ev.clientX - startX) < CLICK_SLOP_CSS_PX) return;
      dragged = true;
      el.classList.add('tv-dragging');
      ctrl.nav.panBy(lastX - ev.clientX, true);
      lastX = ev.clientX;
    };
    const up = (ev: PointerEvent) => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.classList.remove('tv-dragging');
      if (dragged) {
        ctrl.nav.endGesture();
        return;
      }
      const h = hitAt(ev.clientX, ev.clientY);
      if (h.row >= 0) ctrl.select(h.row, h.span);
      else if (h.groupIndex >= 0) ctrl.toggleGroup(ctrl.ui.getState().rows.groups[h.groupIndex].key);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className="tv-rows">
      <div
        ref={scrollRef}
        className="tv-scroll"
        data-testid="rows-scroll"
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onPointerDown={onPointerDown}
      >
        <div className="tv-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((it) => {
            const r = rows.rows[it.index];
            return (
              <div key={it.key} className="tv-row" style={{ transform: `translateY(${it.start}px)`, height: it.size, width: headerWidth }}>
                {r < 0 ? <GroupHeader ctrl={ctrl} group={rows.groups[-r - 1]} /> : <RowHeader ctrl={ctrl} row={r} selected={r === selectedRow} version={dataVersion} />}
              </div>
            );
          })}
        </div>
      </div>
      <canvas ref={canvasRef} className="tv-overlay" style={{ left: headerWidth }} data-testid="rows-canvas" />
      <div ref={tipRef} className="tv-tip" hidden role="tooltip" />
      {rows.rows.length === 0 && <div className="tv-norows">No goroutine matches these filters.</div>}
    </div>
  );
}
