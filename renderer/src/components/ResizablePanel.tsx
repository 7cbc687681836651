// A side panel the user can resize (drag its edge, or focus the edge and use ←/→) and collapse to
// a thin strip (the ‹ › button, Enter on the edge, or a double-click). Its width and state are
// remembered per panel id (state/panel-sizes.ts), so the timeline keeps the room it was given.
import { useRef, useState, type ReactNode } from 'react';
import { clampWidth, loadPanelSize, savePanelSize, type PanelSize } from '../state/panel-sizes';

const KEY_STEP_CSS_PX = 16;

export interface ResizablePanelProps {
  readonly id: string;
  /** Which side of the window the panel sits on: its handle is on the other edge. */
  readonly side: 'left' | 'right';
  readonly label: string;
  readonly defaultPx: number;
  readonly minPx: number;
  readonly maxPx: number;
  /** Collapsed regardless of the remembered state (e.g. the details panel with nothing selected). */
  readonly forceCollapsed?: boolean;
  /** Shown in the collapsed strip's tooltip. */
  readonly collapsedHint?: string;
  readonly children: ReactNode;
}

export function ResizablePanel({ id, side, label, defaultPx, minPx, maxPx, forceCollapsed, collapsedHint, children }: ResizablePanelProps) {
  const [size, setSize] = useState<PanelSize>(() => loadPanelSize(id, { widthPx: defaultPx, collapsed: false }, minPx, maxPx));
  const drag = useRef<{ x: number; w: number } | null>(null);
  const update = (next: PanelSize, persist = true) => {
    setSize(next);
    if (persist) savePanelSize(id, next);
  };
  const collapsed = forceCollapsed === true || size.collapsed;
  const dir = side === 'left' ? 1 : -1;
  const toggle = () => update({ ...size, collapsed: !size.collapsed });

  if (collapsed) {
    return (
      <div className={`rp rp-collapsed rp-${side}`} data-testid={`panel-${id}`} data-collapsed="true">
        <button
          type="button"
          className="rp-strip"
          onClick={() => (forceCollapsed ? undefined : toggle())}
          disabled={forceCollapsed === true && !size.collapsed}
          title={collapsedHint ?? `Show ${label}`}
          aria-label={forceCollapsed && !size.collapsed ? (collapsedHint ?? label) : `Show ${label}`}
          aria-expanded={false}
          data-testid={`panel-${id}-expand`}
        >
          <span className="rp-strip-label">{label}</span>
        </button>
      </div>
    );
  }
  const handle = (
    <div
      className="rp-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={size.widthPx}
      aria-valuemin={minPx}
      aria-valuemax={maxPx}
      tabIndex={0}
      data-testid={`panel-${id}-handle`}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, w: size.widthPx };
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        update({ ...size, widthPx: clampWidth(drag.current.w + dir * (e.clientX - drag.current.x), minPx, maxPx) }, false);
      }}
      onPointerUp={() => {
        if (!drag.current) return;
        drag.current = null;
        savePanelSize(id, size);
      }}
      onDoubleClick={toggle}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
          e.preventDefault();
          e.stopPropagation();
          const grow = (e.key === 'ArrowRight' ? 1 : -1) * dir;
          update({ ...size, widthPx: clampWidth(size.widthPx + grow * KEY_STEP_CSS_PX, minPx, maxPx) });
        } else if (e.key === 'Enter') {
          e.preventDefault();
          toggle();
        }
      }}
    />
  );
  return (
    <div className={`rp rp-${side}`} style={{ width: size.widthPx }} data-testid={`panel-${id}`} data-collapsed="false">
      {side === 'right' && handle}
      <div className="rp-content">{children}</div>
      <button type="button" className="rp-collapse" onClick={toggle} title={`Hide ${label}`} aria-label={`Hide ${label}`} data-testid={`panel-${id}-collapse`}>
        {side === 'left' ? '‹' : '›'}
      </button>
      {side === 'left' && handle}
    </div>
  );
}
