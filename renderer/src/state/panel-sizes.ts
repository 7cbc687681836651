// Widths and collapsed state of the side panels, remembered across launches (localStorage; in
// Electron the app's own origin keeps it). A failing storage (private mode, quota) only means the
// defaults come back next time.

export interface PanelSize {
  readonly widthPx: number;
  readonly collapsed: boolean;
}

const KEY = (id: string) => `leakline.panel.${id}`;

export function loadPanelSize(id: string, fallback: PanelSize, minPx: number, maxPx: number): PanelSize {
  try {
    const raw = globalThis.localStorage?.getItem(KEY(id));
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<PanelSize>;
    const w = typeof v.widthPx === 'number' && Number.isFinite(v.widthPx) ? clampWidth(v.widthPx, minPx, maxPx) : fallback.widthPx;
    return { widthPx: w, collapsed: v.collapsed === true };
  } catch {
    return fallback;
  }
}

export function savePanelSize(id: string, size: PanelSize): void {
  try {
    globalThis.localStorage?.setItem(KEY(id), JSON.stringify(size));
  } catch {
    // Storage full or denied: the size lasts for this session only.
  }
}

export function clampWidth(px: number, minPx: number, maxPx: number): number {
  return Math.round(Math.min(maxPx, Math.max(minPx, px)));
}
