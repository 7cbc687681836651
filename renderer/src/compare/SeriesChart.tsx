import { useEffect, useRef, useState } from 'react';
import type { ComparedGroup, Comparison } from '../../../analysis/compare';
import { shortFunction } from '../../../analysis/frames';
import { snapshotLetter } from './CompareTable';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00'];
const TOP = 5;

export function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    setW(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

function rate(g: ComparedGroup): string {
  if (g.perMinute !== undefined) return `+${g.perMinute.toFixed(g.perMinute >= 10 ? 0 : 1)}/min`;
  return `+${g.perInterval.toFixed(g.perInterval >= 10 ? 0 : 1)} per snapshot`;
}

/** Total goroutines and the top growing groups over the snapshots. */
export function SeriesChart({ comparison }: { comparison: Comparison }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const c = comparison;
  const n = c.snapshots.length;
  const top = c.groups.filter((g) => g.delta > 0 && !g.profileWriter).slice(0, TOP);
  // By signature: the comparison arrives over the bridge, so suspects are copies, not the same objects.
  const suspects = new Set(c.suspects.map((s) => s.signature));
  const h = 220;
  const pad = { l: 44, r: 16, t: 14, b: 34 };
  const plotW = Math.max(10, width - pad.l - pad.r);
  const plotH = h - pad.t - pad.b;
  const times = c.snapshots.map((s) => s.timeNanos);
  const timed = times.every((t) => t !== undefined) && (times[n - 1] as number) > (times[0] as number);
  const xs = c.snapshots.map((s, i) =>
    timed ? (((s.timeNanos as number) - (times[0] as number)) / ((times[n - 1] as number) - (times[0] as number))) * plotW : (i / Math.max(1, n - 1)) * plotW,
  );
  const maxY = Math.max(1, ...c.snapshots.map((s) => s.goroutines));
  const niceMax = niceCeil(maxY);
  const y = (v: number) => plotH - (v / niceMax) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(niceMax * f));
  const path = (vals: readonly number[]) => vals.map((v, i) => `${i === 0 ? 'M' : 'L'}${xs[i].toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const label = (i: number) => {
    if (timed) {
      const dt = ((times[i] as number) - (times[0] as number)) / 1e9;
      return `${snapshotLetter(i, n)} · +${dt < 10 ? dt.toFixed(2) : dt.toFixed(0)} s`;
    }
    return snapshotLetter(i, n);
  };
  return (
    <div className="series" data-testid="series-chart">
      <div className="series-plot" ref={ref}>
        {width > 0 && (
          <svg width={width} height={h} role="img" aria-label={`Goroutines per snapshot: ${c.snapshots.map((s) => s.goroutines).join(', ')}`}>
            <g transform={`translate(${pad.l},${pad.t})`}>
              {ticks.map((t) => (
                <g key={t}>
                  <line className="series-grid" x1={0} x2={plotW} y1={y(t)} y2={y(t)} />
                  <text className="series-tick" x={-8} y={y(t)} dy="0.32em" textAnchor="end">
                    {t}
                  </text>
                </g>
              ))}
              {c.snapshots.map((s, i) => (
                <text key={i} className="series-tick" x={xs[i]} y={plotH + 20} textAnchor={i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle'}>
                  <title>{s.name}</title>
                  {label(i)}
                </text>
              ))}
              <path className="series-total" d={path(c.snapshots.map((s) => s.goroutines))} />
              {top.map((g, k) => (
                <path key={g.signature} d={path(g.counts)} stroke={PALETTE[k % PALETTE.length]} strokeWidth={suspects.has(g.signature) ? 2.5 : 1.5} fill="none" strokeDasharray={suspects.has(g.signature) ? undefined : '5 3'} />
              ))}
              {c.snapshots.map((s, i) => (
                <circle key={i} className="series-dot" cx={xs[i]} cy={y(s.goroutines)} r={3}>
                  <title>{`${s.name}: ${s.goroutines} goroutines`}</title>
                </circle>
              ))}
            </g>
          </svg>
        )}
      </div>
      <ul className="series-legend">
        <li>
          <span className="series-swatch series-swatch-total" />
          <span className="series-name">All goroutines</span>
          <span className="series-counts">{c.snapshots.map((s) => s.goroutines).join(' → ')}</span>
        </li>
        {top.map((g, k) => (
          <li key={g.signature} title={g.signature}>
            <span className="series-swatch" style={{ background: PALETTE[k % PALETTE.length] }} />
            <span className="series-name">{shortFunction(g.function)}</span>
            <span className="series-counts">{g.counts.join(' → ')}</span>
            {suspects.has(g.signature) ? (
              <span className="series-flag" data-testid="series-suspect">
                grows every interval · {rate(g)}
              </span>
            ) : (
              <span className="muted">{rate(g)}</span>
            )}
          </li>
        ))}
        {top.length === 0 && <li className="muted">No group grew between these snapshots.</li>}
      </ul>
    </div>
  );
}

function niceCeil(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
