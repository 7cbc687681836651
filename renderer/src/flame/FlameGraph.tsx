// Canvas flame graph (icicle: root on top) for one profile or a differential tree. Rectangles
// narrower than one device pixel are culled by layoutFlame, so drawing cost follows the pixels,
// not the profile's size. Click zooms into a node; the root (or Esc) zooms out.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flameChange, layoutFlame, type FlameNode, type FlameRect, type FlameTree } from '../../../analysis/flame';
import { formatValue } from '../compare/compare-model';
import { useWidth } from '../compare/SeriesChart';
import { diffColor, singleColor, textOn } from './flame-colors';
import { splitForMiddleEllipsis } from '../timeline/middle-ellipsis';

const ROW = 20;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const prefersDark = () => window.matchMedia?.(DARK_QUERY).matches ?? false;
const onThemeChange = (cb: () => void) => {
  const mq = window.matchMedia?.(DARK_QUERY);
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
};

interface Hover {
  readonly rect: FlameRect;
  readonly x: number;
  readonly y: number;
}

function pct(v: number, of: number): string {
  return of > 0 ? `${((v / of) * 100).toFixed(v / of < 0.1 ? 2 : 1)}%` : '';
}

function Tooltip({ h, tree, baseLabel, targetLabel }: { h: Hover; tree: FlameTree; baseLabel: string; targetLabel: string }) {
  const n = h.rect.node;
  const u = tree.unit;
  const d = n.total - n.baseTotal;
  return (
    <div className="flame-tip" style={{ left: h.x + 14, top: h.y + 14 }} role="tooltip" data-testid="flame-tooltip">
      <div className="flame-tip-name">{n.name}</div>
      {n.file && <div className="flame-tip-loc">{`${n.file}${n.line ? `:${n.line}` : ''}`}</div>}
      {tree.differential ? (
        <dl>
          <dt>{baseLabel}</dt>
          <dd>{formatValue(n.baseTotal, u)}</dd>
          <dt>{targetLabel}</dt>
          <dd>{formatValue(n.total, u)}</dd>
          <dt>Change</dt>
          <dd className={d > 0 ? 'up' : d < 0 ? 'down' : ''}>
            {d > 0 ? '+' : ''}
            {formatValue(d, u)}
            {n.baseTotal > 0 ? ` (${d >= 0 ? '+' : ''}${((d / n.baseTotal) * 100).toFixed(0)}%)` : n.total > 0 ? ' (new)' : ''}
          </dd>
        </dl>
      ) : (
        <dl>
          <dt>Total</dt>
          <dd>
            {formatValue(n.total, u)} <span className="muted">{pct(n.total, tree.root.total)}</span>
          </dd>
          <dt>Self</dt>
          <dd>
            {formatValue(n.self, u)} <span className="muted">{pct(n.self, tree.root.total)}</span>
          </dd>
        </dl>
      )}
    </div>
  );
}

/** `highlight`: search matches; the other cells are dimmed so the matches stand out. */
export function FlameGraph({ tree, baseLabel = 'A', targetLabel = 'B', highlight }: { tree: FlameTree; baseLabel?: string; targetLabel?: string; highlight?: ReadonlySet<FlameNode> }) {
  const [wrap, width] = useWidth<HTMLDivElement>();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [focus, setFocus] = useState<FlameNode>(tree.root);
  const [hover, setHover] = useState<Hover | null>(null);
  // The canvas is painted in JS, so CSS variables do not reach it: repaint when the theme flips.
  const dark = useSyncExternalStore(onThemeChange, prefersDark);
  useEffect(() => setFocus(tree.root), [tree]);
  const rects = useMemo(() => (width > 0 ? layoutFlame(tree, 1 / (width * (window.devicePixelRatio || 1)), focus) : []), [tree, focus, width]);
  const depth = rects.reduce((m, r) => Math.max(m, r.depth), 0);
  const height = (depth + 1) * ROW + 4;

  useEffect(() => {
    const c = canvas.current;
    if (!c || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    const g = c.getContext('2d');
    if (!g) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = FONT;
    g.textBaseline = 'middle';
    for (const r of rects) {
      const x = r.x * width;
      const w = r.w * width;
      const y = r.depth * ROW;
      const change = tree.differential ? flameChange(r.node) : undefined;
      const fill = change !== undefined ? diffColor(change, dark) : singleColor(r.node.name, dark);
      const dim = highlight !== undefined && highlight.size > 0 && !highlight.has(r.node);
      g.globalAlpha = dim ? 0.28 : 1;
      g.fillStyle = fill;
      g.fillRect(x, y, Math.max(w - 1, 0.5), ROW - 1);
      if (!dim && highlight && highlight.size > 0) {
        g.strokeStyle = dark ? '#fff' : '#111';
        g.lineWidth = 1;
        g.strokeRect(x + 0.5, y + 0.5, Math.max(w - 2, 0.5), ROW - 2);
      }
      if (w > 28) {
        g.fillStyle = textOn(fill, dark, change);
        const label = r.depth === 0 && focus === tree.root ? `all · ${tree.valueLabel}` : r.node.name;
        g.save();
        g.beginPath();
        g.rect(x, y, w - 1, ROW);
        g.clip();
        g.fillText(fitText(g, label, w - 8), x + 4, y + ROW / 2);
        g.restore();
      }
      g.globalAlpha = 1;
    }
  }, [rects, width, height, tree, focus, dark, highlight]);

  const hit = (e: React.MouseEvent): FlameRect | undefined => {
    const box = canvas.current!.getBoundingClientRect();
    const fx = (e.clientX - box.left) / width;
    const d = Math.floor((e.clientY - box.top) / ROW);
    return rects.find((r) => r.depth === d && fx >= r.x && fx < r.x + r.w);
  };

  return (
    <div
      className="flame"
      ref={wrap}
      data-testid={tree.differential ? 'flame-diff' : 'flame'}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setFocus(tree.root);
      }}
    >
      <canvas
        ref={canvas}
        style={{ width, height, display: 'block' }}
        aria-label={`${tree.differential ? 'Differential flame graph' : 'Flame graph'} of ${tree.valueLabel}`}
        role="img"
        onMouseMove={(e) => {
          const r = hit(e);
          const box = wrap.current!.getBoundingClientRect();
          setHover(r ? { rect: r, x: e.clientX - box.left, y: e.clientY - box.top + wrap.current!.scrollTop } : null);
        }}
        onMouseLeave={() => setHover(null)}
        onClick={(e) => {
          const r = hit(e);
          if (r) setFocus(r.depth === 0 ? (focus === tree.root ? focus : tree.root) : r.node);
        }}
      />
      {hover && <Tooltip h={hover} tree={tree} baseLabel={baseLabel} targetLabel={targetLabel} />}
    </div>
  );
}

/** The package path goes first, then the function's own name keeps as much as fits (its end). */
function fitText(g: CanvasRenderingContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text;
  const own = text.slice(text.lastIndexOf('/') + 1);
  if (own !== text && g.measureText(own).width <= max) return own;
  // Then the receiver: "…Serve" / "…handleItem.func1" names the function better than "…rver).Serve".
  const tail = splitForMiddleEllipsis(own)[1];
  if (tail !== own && g.measureText('…' + tail).width <= max) return '…' + tail;
  text = tail;
  // Keep the end of the name: "….(*conn).serve" says more than "net/http.(*c…".
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (g.measureText('…' + text.slice(mid)).width <= max) hi = mid;
    else lo = mid + 1;
  }
  return lo >= text.length ? '' : '…' + text.slice(lo);
}
