// Navigation state kept out of React renders: the visible window lives in a vanilla zustand
// store; canvases `subscribe` and request a frame, React components never select it. Discrete
// navigation steps (fit, zoom to range, keyboard zoom, a finished drag or wheel gesture) are
// recorded for undo/redo, as gotraceui does with Ctrl+Z / Ctrl+Y.
import { createStore } from 'zustand/vanilla';
import type { Nanoseconds } from './units';
import { clampViewport, fitViewport, panBy, sameViewport, withWidth, zoomAt, zoomToRange, type Viewport } from './viewport';

/** A wheel or drag gesture ends after this long without input; then it becomes one undo step. */
const GESTURE_IDLE_MS = 300;
const HISTORY_LIMIT = 200;

export interface NavState {
  viewport: Viewport;
  durationNs: Nanoseconds;
  /** Range being selected on the axis (drag), in ns; null when none. */
  selection: { a: Nanoseconds; b: Nanoseconds } | null;
  /** Time under the pointer, for the cursor line; NaN when outside. */
  hoverNs: Nanoseconds;
  past: Viewport[];
  future: Viewport[];
}

export type NavStore = ReturnType<typeof createNavStore>;

export function createNavStore(durationNs: Nanoseconds, widthPx = 800) {
  const store = createStore<NavState>()(() => ({
    viewport: fitViewport(durationNs, widthPx),
    durationNs,
    selection: null,
    hoverNs: NaN,
    past: [],
    future: [],
  }));
  let gestureStart: Viewport | null = null;
  let gestureTimer: ReturnType<typeof setTimeout> | undefined;

  const commitGesture = () => {
    if (gestureTimer !== undefined) clearTimeout(gestureTimer);
    gestureTimer = undefined;
    const start = gestureStart;
    gestureStart = null;
    if (!start) return;
    const s = store.getState();
    if (sameViewport(start, s.viewport)) return;
    store.setState({ past: [...s.past, start].slice(-HISTORY_LIMIT), future: [] });
  };

  /** A step that is its own undo entry. */
  const step = (next: Viewport) => {
    commitGesture();
    const s = store.getState();
    if (sameViewport(next, s.viewport)) return;
    store.setState({ viewport: next, past: [...s.past, s.viewport].slice(-HISTORY_LIMIT), future: [] });
  };

  /** Part of a continuous gesture: one undo entry when the gesture goes quiet. */
  const gesture = (next: Viewport) => {
    if (!gestureStart) gestureStart = store.getState().viewport;
    store.setState({ viewport: next });
    if (gestureTimer !== undefined) clearTimeout(gestureTimer);
    gestureTimer = setTimeout(commitGesture, GESTURE_IDLE_MS);
  };

  const vp = () => store.getState().viewport;
  const dur = () => store.getState().durationNs;

  return {
    store,
    fit: () => step(fitViewport(dur(), vp().widthPx)),
    zoomBy: (factor: number, anchorX: number, continuous = false) => (continuous ? gesture : step)(zoomAt(vp(), factor, anchorX, dur())),
    panBy: (dx: number, continuous = false) => (continuous ? gesture : step)(panBy(vp(), dx, dur())),
    zoomToRange: (a: Nanoseconds, b: Nanoseconds) => step(zoomToRange(vp(), a, b, dur())),
    /** Centers `ns` keeping the zoom (e.g. jump to a span). */
    reveal: (a: Nanoseconds, b: Nanoseconds) => {
      const v = vp();
      const span = v.endNs - v.startNs;
      if (a >= v.startNs && b <= v.endNs) return;
      const c = (a + b) / 2;
      step(clampViewport({ startNs: c - span / 2, endNs: c + span / 2, widthPx: v.widthPx }, dur()));
    },
    endGesture: commitGesture,
    setWidth: (w: number) => {
      const s = store.getState();
      const first = s.past.length === 0 && s.future.length === 0 && s.viewport.startNs === 0;
      // Until the user navigates, keep the whole trace in view on resize.
      store.setState({ viewport: first ? fitViewport(s.durationNs, w) : withWidth(s.viewport, w) });
    },
    setDuration: (d: Nanoseconds) => {
      const s = store.getState();
      if (d === s.durationNs) return;
      const untouched = s.past.length === 0;
      store.setState({ durationNs: d, viewport: untouched ? fitViewport(d, s.viewport.widthPx) : clampViewport(s.viewport, d) });
    },
    setSelection: (sel: NavState['selection']) => store.setState({ selection: sel }),
    setHover: (ns: Nanoseconds) => store.setState({ hoverNs: ns }),
    undo: () => {
      commitGesture();
      const s = store.getState();
      const prev = s.past[s.past.length - 1];
      if (!prev) return;
      store.setState({ viewport: withWidth(prev, s.viewport.widthPx), past: s.past.slice(0, -1), future: [...s.future, s.viewport] });
    },
    redo: () => {
      commitGesture();
      const s = store.getState();
      const next = s.future[s.future.length - 1];
      if (!next) return;
      store.setState({ viewport: withWidth(next, s.viewport.widthPx), future: s.future.slice(0, -1), past: [...s.past, s.viewport] });
    },
  };
}
