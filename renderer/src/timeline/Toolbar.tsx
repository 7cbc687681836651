import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { TimelineController } from './controller';
import { LEGEND_ORDER } from './palette';
import type { GroupBy, LifeFilter, SortBy } from './rows';
import { SPAN_KIND_LABELS, type SpanKind } from './span-kind';

const BLOCKED_OPTIONS: readonly [string, number][] = [
  ['any time blocked', 0],
  ['blocked ≥ 1 ms', 1e6],
  ['blocked ≥ 100 ms', 1e8],
  ['blocked ≥ 1 s', 1e9],
  ['blocked ≥ 10 s', 1e10],
];

const LIFE_OPTIONS: readonly [LifeFilter, string][] = [
  ['any', 'Alive or exited'],
  ['alive', 'Alive at the end'],
  ['exited', 'Exited during the trace'],
];

function finalStateLabel(kinds: number, life: LifeFilter): string {
  const lifeWord = life === 'alive' ? 'Alive' : life === 'exited' ? 'Exited' : '';
  if (kinds === 0) return lifeWord ? `${lifeWord}, any state` : 'Any final state';
  const states = kinds === 1 ? '1 state' : `${kinds} states`;
  return lifeWord ? `${lifeWord}, ${states}` : states;
}

export function Toolbar({ ctrl, searchRef }: { ctrl: TimelineController; searchRef: React.RefObject<HTMLInputElement | null> }) {
  const options = useStore(ctrl.ui, (s) => s.options);
  const matched = useStore(ctrl.ui, (s) => s.rows.matched);
  useStore(ctrl.ui, (s) => s.dataVersion); // totals grow while the trace streams in
  const [query, setQuery] = useState(options.query);
  const [statesOpen, setStatesOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  // A menu closes on a click anywhere else and on Esc (back to its button), not on mouse-leave:
  // leaving by a few pixels while aiming at a checkbox must not close it.
  useEffect(() => {
    if (!statesOpen) return;
    const onDown = (e: PointerEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setStatesOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      setStatesOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('pointerdown', onDown, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [statesOpen]);
  const total = ctrl.model.goroutines.count;
  const suspects = ctrl.leaks.verdictOf.size;
  // Typing filters 100k rows: debounce to one rebuild per pause (120 ms ≈ a fast typist's gap).
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onQuery = (q: string) => {
    setQuery(q);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => ctrl.setOptions({ query: q }), 120);
  };
  const toggleKind = (k: SpanKind) => {
    const kinds = new Set(options.kinds);
    if (kinds.has(k)) kinds.delete(k);
    else kinds.add(k);
    ctrl.setOptions({ kinds });
  };
  return (
    <div className="tv-toolbar" role="toolbar" aria-label="Find and organise goroutines">
      <div className="tv-search">
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" strokeWidth="1.5" />
          <path d="m10.5 10.5 3 3" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        <input
          ref={searchRef}
          type="search"
          placeholder="Function, creation site, id, or /regex/"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.target as HTMLInputElement).blur();
          }}
          aria-label="Search goroutines"
          data-testid="search"
        />
      </div>
      <button
        type="button"
        className={`tv-toggle${options.suspectsOnly ? ' tv-toggle-on' : ''}`}
        aria-pressed={options.suspectsOnly}
        onClick={() => ctrl.setOptions({ suspectsOnly: !options.suspectsOnly })}
        data-testid="suspects-only"
        title="Show only goroutines the leak analysis suspects (X)"
      >
        <span className="tv-toggle-dot" /> Suspects only <span className="tv-count" data-testid="verdict-count" title={`${suspects} goroutines in ${ctrl.analysis?.verdicts.length ?? 0} verdicts`}>
          {suspects}
        </span>
      </button>
      <button
        type="button"
        className={`tv-toggle${options.hideRuntime ? ' tv-toggle-on' : ''}`}
        aria-pressed={options.hideRuntime === true}
        onClick={() => ctrl.setOptions({ hideRuntime: !options.hideRuntime })}
        data-testid="hide-runtime"
        title="Hide the runtime's own goroutines: GC workers, sweeper, finalizers, trace reader (R)"
      >
        <span className="tv-toggle-dot" /> Hide runtime
      </button>
      <div className="tv-dropdown" ref={menuRef}>
        <button type="button" className="tv-select-btn" onClick={() => setStatesOpen((o) => !o)} aria-expanded={statesOpen} aria-haspopup="true" data-testid="state-filter" ref={menuButton}>
          {finalStateLabel(options.kinds.size, options.life ?? 'any')} ▾
        </button>
        {statesOpen && (
          <div className="tv-menu" role="group" aria-label="Final state" data-testid="state-menu">
            <div className="tv-menu-seg" role="radiogroup" aria-label="Alive or exited at the end">
              {LIFE_OPTIONS.map(([v, label]) => (
                <label key={v} className="tv-menu-item">
                  <input type="radio" name="tv-life" checked={(options.life ?? 'any') === v} onChange={() => ctrl.setOptions({ life: v })} data-testid={`life-${v}`} /> {label}
                </label>
              ))}
            </div>
            <div className="tv-menu-sep" />
            {LEGEND_ORDER.map((k) => (
              <label key={k} className="tv-menu-item">
                <input type="checkbox" checked={options.kinds.has(k)} onChange={() => toggleKind(k)} />
                <span className={`tv-swatch tv-k${k}`} /> {SPAN_KIND_LABELS[k]}
              </label>
            ))}
            {(options.kinds.size > 0 || (options.life ?? 'any') !== 'any') && (
              <button type="button" className="tv-menu-clear" onClick={() => ctrl.setOptions({ kinds: new Set(), life: 'any' })}>
                Clear
              </button>
            )}
          </div>
        )}
      </div>
      <select value={options.minBlockedNs} onChange={(e) => ctrl.setOptions({ minBlockedNs: Number(e.target.value) })} aria-label="Time blocked" data-testid="blocked-filter">
        {BLOCKED_OPTIONS.map(([label, v]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <span className="tv-sep" />
      <label className="tv-field" title="Group rows">
        <select aria-label="Group rows by" value={options.groupBy} onChange={(e) => ctrl.setOptions({ groupBy: e.target.value as GroupBy, collapsed: new Set() })} data-testid="group-by">
          <option value="none">no grouping</option>
          <option value="start">group by start function</option>
          <option value="creation">group by creation site</option>
        </select>
      </label>
      <label className="tv-field" title="Sort rows">
        <select aria-label="Sort rows by" value={options.sortBy} onChange={(e) => ctrl.setOptions({ sortBy: e.target.value as SortBy })} data-testid="sort-by">
          <option value="id">sort by id</option>
          <option value="created">sort by creation time</option>
          <option value="blocked">sort by time blocked</option>
          <option value="group-size">sort by group size</option>
        </select>
      </label>
      <span className="tv-grow" />
      <span className="tv-matched" data-testid="matched">
        {matched === total ? '' : `${matched.toLocaleString('en-US')} of `}
        <span data-testid="goroutine-count">{total.toLocaleString('en-US')}</span>
        {matched === total ? ' goroutines' : ''}
      </span>
      <button type="button" className="tv-icon-btn" onClick={() => ctrl.ui.setState({ showHelp: true })} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">
        ?
      </button>
    </div>
  );
}
