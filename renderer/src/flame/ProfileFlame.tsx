import { useMemo, useState } from 'react';
import { defaultSampleIndex, flameOfProfile, sandwichOfProfile, searchFlame, sampleTypeLabels } from '../../../analysis/flame';
import type { DocumentInfo } from '../../../contract';
import type { Profile } from '../../../parsers/model';
import { openCompare } from '../compare/compare-store';
import { formatValue } from '../compare/compare-model';
import { FlameGraph } from './FlameGraph';
import { FlameTop } from './FlameTop';
import './flame.css';

type View = 'flame' | 'inverted' | 'top' | 'sandwich';
const VIEWS: readonly [View, string][] = [
  ['flame', 'Flame graph'],
  ['inverted', 'Inverted (bottom-up)'],
  ['top', 'Top table'],
  ['sandwich', 'Callers / callees'],
];

/** A profile document's flame graph (any kind, any sample type), with search, a top table and the way into comparing. */
export function ProfileFlame({ profile, doc }: { profile: Profile; doc?: Pick<DocumentInfo, 'id' | 'name'> }) {
  const [idx, setIdx] = useState(profile.kind === 'samples' ? defaultSampleIndex(profile) : 0);
  const [view, setView] = useState<View>('flame');
  const [query, setQuery] = useState('');
  const tree = useMemo(() => flameOfProfile(profile, idx, view === 'inverted'), [profile, idx, view]);
  const found = useMemo(() => searchFlame(tree.root, query), [tree, query]);
  // The sandwich's function: picked in its top table (or the top table's pick carried over).
  const [fn, setFn] = useState('');
  const sandwich = useMemo(() => (view === 'sandwich' && fn ? sandwichOfProfile(profile, idx, fn) : null), [profile, idx, view, fn]);
  const labels = sampleTypeLabels(profile);
  return (
    <section className="pflame" aria-label="Flame graph">
      <div className="pflame-bar">
        <div className="pflame-views" role="tablist" aria-label="View">
          {VIEWS.map(([k, label]) => (
            <button key={k} type="button" role="tab" aria-selected={view === k} className={`pflame-view${view === k ? ' pflame-view-on' : ''}`} onClick={() => {
                if (k === 'sandwich' && !fn && query.trim()) setFn(query.trim());
                setView(k);
              }} data-testid={`flame-view-${k}`}>
              {label}
            </button>
          ))}
        </div>
        {labels.length > 1 ? (
          <label>
            Sample type{' '}
            <select value={idx} onChange={(e) => setIdx(Number(e.target.value))}>
              {labels.map((l, i) => (
                <option key={l} value={i}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="muted">{tree.valueLabel}</span>
        )}
        <input
          className="pflame-search"
          type="search"
          placeholder="Search functions, or /regex/"
          aria-label="Search functions"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="flame-search"
        />
        {query.trim() && (
          <span className="muted" data-testid="flame-search-result">
            {found.matches.size === 0
              ? 'no match'
              : `${found.matches.size} ${found.matches.size === 1 ? 'cell' : 'cells'} · ${formatValue(found.value, tree.unit)} (${tree.root.total > 0 ? ((100 * found.value) / tree.root.total).toFixed(1) : '0'}%)`}
          </span>
        )}
        <span className="muted pflame-hint">hover for values · click to zoom · Esc to reset</span>
        {doc && profile.kind === 'goroutines' && (
          <button type="button" className="btn" onClick={() => openCompare([doc])}>
            ⇄ Compare with other snapshots…
          </button>
        )}
      </div>
      {view === 'top' ? (
        <FlameTop tree={tree} picked={query} onPick={(f) => setQuery(f)} />
      ) : view === 'sandwich' ? (
        <div className="pflame-sandwich" data-testid="flame-sandwich">
          <FlameTop tree={tree} picked={fn} onPick={setFn} />
          <div className="pflame-sandwich-graphs">
            {sandwich ? (
              <>
                <h4 data-testid="sandwich-callers-title">
                  Callers of <span className="mono">{fn}</span> <span className="muted">(bottom-up: who called it)</span>
                </h4>
                {sandwich.callers.maxDepth <= 1 ? (
                  <p className="muted" data-testid="sandwich-no-callers">
                    No callers recorded: its stacks start at <span className="mono">{fn}</span> (a goroutine&apos;s entry function).
                  </p>
                ) : (
                  <FlameGraph tree={sandwich.callers} />
                )}
                <h4 data-testid="sandwich-callees-title">
                  Callees of <span className="mono">{fn}</span> <span className="muted">(what it called)</span>
                </h4>
                <FlameGraph tree={sandwich.callees} />
              </>
            ) : (
              <p className="muted">Pick a function in the table to see who called it and what it called.</p>
            )}
          </div>
        </div>
      ) : (
        <FlameGraph tree={tree} highlight={found.matches} />
      )}
    </section>
  );
}
