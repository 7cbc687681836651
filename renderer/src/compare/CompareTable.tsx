import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { ComparedGroup, Comparison } from '../../../analysis/compare';
import { formatDelta, formatPct } from '../../../analysis/compare-markdown';
import { shortSite } from '../../../analysis/frames';
import { stateLabel, type SortKey } from './compare-model';
import { useCompare } from './compare-store';

const ROW_HEIGHT = 46;

export const snapshotLetter = (i: number, n: number): string => (n <= 26 ? String.fromCharCode(65 + i) : `#${i + 1}`);

function minutes(g: ComparedGroup): string {
  const ms = g.waitMinutes.filter((m) => m);
  if (ms.length === 0) return '';
  const min = Math.min(...ms.map((m) => m!.min));
  const max = Math.max(...ms.map((m) => m!.max));
  return min === max ? `${max} min` : `${min}–${max} min`;
}

function StateCell({ g }: { g: ComparedGroup }) {
  const s = stateLabel(g);
  if (!s.text) return <span className="muted">—</span>;
  return s.inferred ? (
    <span className="cmp-inferred" title="Inferred from the park site: this profile format records no states">
      {s.text}
    </span>
  ) : (
    <>{s.text}</>
  );
}

function StatusBadge({ g, suspect }: { g: ComparedGroup; suspect: boolean }) {
  return (
    <span className={`cmp-status cmp-status-${g.status}`} title={suspect ? 'Grew in every interval: leak suspect' : undefined}>
      {suspect ? '▲ ' : ''}
      {g.status}
    </span>
  );
}

function Header({ k, label, num, title }: { k: SortKey; label: string; num?: boolean; title?: string }) {
  const q = useCompare((s) => s.query);
  const set = useCompare((s) => s.set);
  const on = q.sort === k;
  return (
    <div
      role="columnheader"
      aria-sort={on ? (q.dir === 1 ? 'ascending' : 'descending') : 'none'}
      className={`cmp-th${num ? ' num' : ''}${on ? ' cmp-th-on' : ''}`}
      title={title}
      onClick={() => set({ query: { ...q, sort: k, dir: on ? (q.dir === 1 ? -1 : 1) : k === 'function' || k === 'state' ? 1 : -1 } })}
    >
      {label}
      {on ? (q.dir === 1 ? ' ↑' : ' ↓') : ''}
    </div>
  );
}

export function CompareTable({ comparison, rows, proven }: { comparison: Comparison; rows: readonly ComparedGroup[]; proven?: ReadonlyMap<string, number> }) {
  const selected = useCompare((s) => s.selected);
  const set = useCompare((s) => s.set);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const n = comparison.snapshots.length;
  // Two snapshots: A and B. A series: first, last, and a sparkline between them.
  const countCols = n === 2 ? 2 : 3;
  // Narrow minimums so Growth stays on screen at 1024 px with the details pane open.
  const grid = `96px minmax(170px, 3fr) minmax(110px, 1.4fr) 64px repeat(${countCols}, 56px) 56px 66px`;
  // By signature: the comparison arrives over the bridge, so suspects are copies, not the same objects.
  const suspects = new Set(comparison.suspects.map((s) => s.signature));
  const move = (d: number) => {
    const i = rows.findIndex((r) => r.signature === selected);
    const next = rows[Math.max(0, Math.min(rows.length - 1, (i < 0 ? -1 : i) + d))];
    if (next) {
      set({ selected: next.signature, pane: 'stacks' });
      v.scrollToIndex(rows.indexOf(next));
    }
  };
  return (
    <div className="cmp-table" role="table" aria-label="Aligned goroutine groups" aria-rowcount={rows.length}>
      <div className="cmp-tr cmp-thead" role="row" style={{ gridTemplateColumns: grid }}>
        <Header k="growth" label="Status" />
        <Header k="function" label="Goroutine (entry) · blocked at" />
        <Header k="state" label="State / wait reason" />
        <Header k="minutes" label="Waiting" num />
        <Header k="first" label={snapshotLetter(0, n)} num title={comparison.snapshots[0].name} />
        {n > 2 && <div className="cmp-th num">Series</div>}
        <Header k="last" label={snapshotLetter(n - 1, n)} num title={comparison.snapshots[n - 1].name} />
        <Header k="delta" label="Δ" num />
        <Header k="pct" label="Growth" num />
      </div>
      <div
        className="cmp-tbody"
        ref={scroller}
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        {rows.length === 0 && <div className="cmp-none">No groups match the filter.</div>}
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const g = rows[item.index];
            const last = g.counts[n - 1] ?? 0;
            return (
              <div
                key={g.signature}
                role="row"
                aria-selected={g.signature === selected}
                data-testid="cmp-row"
                className={`cmp-tr cmp-row${g.signature === selected ? ' cmp-row-sel' : ''}${suspects.has(g.signature) ? ' cmp-row-suspect' : ''}`}
                style={{ gridTemplateColumns: grid, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => set({ selected: g.signature, pane: 'stacks' })}
              >
                <div role="cell">
                  <StatusBadge g={g} suspect={suspects.has(g.signature)} />
                </div>
                <div role="cell" className="cmp-fn" title={g.signature}>
                  <span className="cmp-fn-name">
                    {g.function || '(unknown)'}
                    {g.profileWriter && <span className="cmp-tag">profile writer</span>}
                    {g.leaked.some((x) => x > 0) && <span className="cmp-tag cmp-tag-leak">leaked</span>}
                    {(proven?.get(g.signature) ?? 0) > 0 && (
                      <span className="cmp-tag cmp-tag-leak" data-testid="cmp-proven" title="The goroutineleak profile proves these goroutines can never be unblocked">
                        proven {proven?.get(g.signature)}
                      </span>
                    )}
                  </span>
                  <span className="cmp-fn-site">{g.blockedAt ? `${g.blockedAt.function} · ${shortSite(g.blockedAt)}` : ''}</span>
                </div>
                <div role="cell" className="cmp-state">
                  <StateCell g={g} />
                </div>
                <div role="cell" className="num muted">{minutes(g)}</div>
                <div role="cell" className="num">{g.counts[0]}</div>
                {n > 2 && (
                  <div role="cell" className="num">
                    <Sparkline counts={g.counts} />
                  </div>
                )}
                <div role="cell" className="num">{last}</div>
                <div role="cell" className={`num cmp-delta ${g.delta > 0 ? 'up' : g.delta < 0 ? 'down' : ''}`}>{formatDelta(g.delta)}</div>
                <div role="cell" className={`num ${g.delta > 0 ? 'up' : g.delta < 0 ? 'down' : 'muted'}`}>{formatPct(g.growthPct)}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function Sparkline({ counts }: { counts: readonly number[] }) {
  const flat = counts.every((c) => c === counts[0]);
  const max = Math.max(1, ...counts);
  const w = 60;
  const h = 18;
  const pts = counts.map((c, i) => `${(i / Math.max(1, counts.length - 1)) * w},${flat ? h / 2 : h - 1 - (c / max) * (h - 2)}`).join(' ');
  return (
    <svg className={`cmp-spark${flat ? ' cmp-spark-flat' : ''}`} width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-label={counts.join(' → ')}>
      <polyline points={pts} fill="none" strokeWidth="1.5" />
    </svg>
  );
}
