// The compare view (issue 9): two or more goroutine snapshots aligned by stack, as a table with
// the selected row's stacks side by side, a differential flame graph and the series chart.
import { useDeferredValue, useMemo } from 'react';
import { isLeakEvidence } from '../../../analysis/compare';
import { countOf } from '../../../analysis/phrasing';
import type { Comparison } from '../../../parsers/model';
import { formatDelta, formatPct } from '../../../analysis/compare-markdown';
import { shortFunction, shortSite } from '../../../analysis/frames';
import type { GoroutineProfile, Profile } from '../../../parsers/model';
import { CompareTable, snapshotLetter } from './CompareTable';
import { filterRows, type StatusFilter } from './compare-model';
import { addSnapshots, clearSlots, removeSlot, swapSlots, useCompare, type ComparePane, type Slot } from './compare-store';
import { FlamePane } from './FlamePane';
import { SeriesChart } from './SeriesChart';
import { StackDiff } from './StackDiff';
import { useComparison } from './use-comparison';
import './compare.css';

const FILTERS: readonly [StatusFilter, string][] = [
  ['all', 'All'],
  ['changed', 'Changed'],
  ['grown', 'Grown'],
  ['new', 'New'],
  ['shrunk', 'Shrunk'],
  ['vanished', 'Vanished'],
  ['same', 'Same'],
];

function SlotChips({ slots }: { slots: readonly Slot[] }) {
  // Letters name snapshots of the series; evidence (goroutineleak) is marked as such, not lettered.
  const isEvidence = (s: Slot) => !!s.profile && isLeakEvidence(s.profile);
  const lettered = slots.filter((s) => !isEvidence(s));
  return (
    <ol className="cmp-slots" aria-label="Snapshots, oldest first">
      {slots.map((s) => (
        <li key={s.id} className={`cmp-slot${s.error ? ' cmp-slot-err' : ''}${isEvidence(s) ? ' cmp-slot-evidence' : ''}`} title={s.error ?? s.name} data-testid="cmp-slot">
          <span className="cmp-slot-letter">{isEvidence(s) ? 'evidence' : snapshotLetter(lettered.indexOf(s), lettered.length)}</span>
          <span className="cmp-slot-name">{s.name}</span>
          {!s.profile && !s.error && <span className="cmp-slot-busy" aria-label="loading" />}
          <button type="button" className="cmp-slot-x" aria-label={`Remove ${s.name}`} onClick={() => removeSlot(s.id)}>
            ×
          </button>
        </li>
      ))}
    </ol>
  );
}

/** "goroutineleak.pb.gz is a goroutineleak profile: evidence, not a snapshot … It proves 1 group (6 goroutines) leaked." */
function evidenceNote(names: readonly string[], proven: ReadonlyMap<string, number> | undefined): string {
  const one = names.length === 1;
  let goroutines = 0;
  for (const n of proven?.values() ?? []) goroutines += n;
  const what = one
    ? `${names[0]} is a goroutineleak profile: evidence, not a snapshot (it lists only leaked goroutines), so it stays out of the series.`
    : `${names.join(', ')} are goroutineleak profiles: evidence, not snapshots (they list only leaked goroutines), so they stay out of the series.`;
  const groups = proven?.size ?? 0;
  if (groups === 0) return `${what} No group compared here is among ${one ? 'its' : 'their'} leaked goroutines.`;
  return `${what} ${one ? 'It proves' : 'They prove'} ${countOf(groups, 'group')} (${countOf(goroutines, 'goroutine')}) leaked.`;
}

function Summary({ c }: { c: Comparison }) {
  const n = c.snapshots.length;
  const count = (st: string) => c.groups.filter((g) => g.status === st).length;
  const lead = c.suspects[0] ?? c.groups.find((g) => g.delta > 0 && !g.profileWriter);
  return (
    <div className="cmp-cards">
      <div className="cmp-card">
        <div className="cmp-card-label">Goroutines</div>
        <div className="cmp-card-value" data-testid="cmp-totals">
          {c.snapshots[0].goroutines} <span className="muted">→</span> {c.snapshots[n - 1].goroutines}
        </div>
        <div className={`cmp-card-sub ${c.totalDelta > 0 ? 'up' : c.totalDelta < 0 ? 'down' : ''}`}>
          {formatDelta(c.totalDelta)} ({formatPct(c.totalGrowthPct)})
          {c.elapsedNs !== undefined && <span className="muted"> in {(c.elapsedNs / 1e9).toFixed(c.elapsedNs < 1e10 ? 2 : 0)} s</span>}
        </div>
      </div>
      <div className="cmp-card">
        <div className="cmp-card-label">Groups</div>
        <div className="cmp-card-value">{c.groups.length}</div>
        <div className="cmp-card-sub">
          <span className="up">{count('grown')} grown</span> · <span className="up">{count('new')} new</span> · <span className="down">{count('shrunk')} shrunk</span> ·{' '}
          <span className="down">{count('vanished')} vanished</span>
        </div>
      </div>
      <div className={`cmp-card cmp-card-wide${c.suspects.length ? ' cmp-card-alert' : ''}`} data-testid="cmp-suspects">
        <div className="cmp-card-label">{c.suspects.length ? `Growing in every interval (${c.suspects.length})` : n >= 3 ? 'No group grew in every interval' : 'Largest growth'}</div>
        {lead ? (
          <>
            <div className="cmp-card-value cmp-card-fn">{shortFunction(lead.function)}</div>
            <div className="cmp-card-sub">
              {lead.counts.join(' → ')}
              {lead.blockedAt && <span className="muted"> · {shortSite(lead.blockedAt)}</span>}
              {lead.perMinute !== undefined && <span className="muted"> · +{lead.perMinute.toFixed(0)}/min</span>}
            </div>
          </>
        ) : (
          <div className="cmp-card-sub muted">Nothing grew between these snapshots.</div>
        )}
      </div>
    </div>
  );
}

function Toolbar() {
  const q = useCompare((s) => s.query);
  const set = useCompare((s) => s.set);
  return (
    <div className="cmp-toolbar">
      <input
        className="cmp-search"
        type="search"
        placeholder="Filter by function, file, state…"
        aria-label="Filter groups"
        value={q.text}
        onChange={(e) => set({ query: { ...q, text: e.target.value } })}
      />
      <div className="cmp-filters" role="group" aria-label="Status">
        {FILTERS.map(([k, label]) => (
          <button key={k} type="button" className={`chip${q.status === k ? ' chip-on' : ''}`} aria-pressed={q.status === k} onClick={() => set({ query: { ...q, status: k } })}>
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}

function ModeSwitch() {
  const mode = useCompare((s) => s.mode);
  const set = useCompare((s) => s.set);
  return (
    <div className="seg" role="radiogroup" aria-label="Match groups by">
      <span className="seg-label">Match by</span>
      {(['stack', 'function'] as const).map((m) => (
        <button
          key={m}
          type="button"
          role="radio"
          aria-checked={mode === m}
          className={`seg-btn${mode === m ? ' seg-on' : ''}`}
          title={m === 'stack' ? 'Function and file:line of every frame' : 'Functions only: for two builds whose lines differ'}
          onClick={() => set({ mode: m, selected: null })}
        >
          {m === 'stack' ? 'Stack' : 'Function'}
        </button>
      ))}
    </div>
  );
}

const PANES: readonly [ComparePane, string][] = [
  ['stacks', 'Stacks'],
  ['flame', 'Differential flame graph'],
  ['series', 'Series'],
];

export function CompareView() {
  const slots = useCompare((s) => s.slots);
  const mode = useCompare((s) => s.mode);
  const autoOrder = useCompare((s) => s.autoOrder);
  const query = useDeferredValue(useCompare((s) => s.query));
  const selected = useCompare((s) => s.selected);
  const pane = useCompare((s) => s.pane);
  const set = useCompare((s) => s.set);

  const ready = useMemo(() => slots.filter((s): s is Slot & { profile: Profile } => !!s.profile), [slots]);
  const allLoaded = ready.length === slots.length;
  const ids = useMemo(() => (allLoaded ? ready.map((s) => s.id) : []), [allLoaded, ready]);
  const asked = useComparison(ids, mode, autoOrder);
  // The order the session chose (capture time when every snapshot has one); the slots' until then.
  const ordered = useMemo(() => {
    const byId = new Map(ready.map((s) => [s.id, s]));
    const order = asked.result?.order ?? ready.map((s) => s.id);
    return order.flatMap((id) => {
      const s = byId.get(id);
      return s ? [{ id: s.id, name: s.name, profile: s.profile }] : [];
    });
  }, [ready, asked.result]);
  // Chips carry the letters the table and chart use: the comparison's order, pending ones last.
  const chipOrder = useMemo(() => {
    // Evidence (not in the series' order) after the series, pending slots last.
    const rank = new Map(ordered.map((o, i) => [o.profile, i]));
    const at = (s: Slot) => (s.profile ? (rank.get(s.profile) ?? 1e6) : 1e9);
    return [...slots].sort((a, b) => at(a) - at(b));
  }, [slots, ordered]);
  const goroutineSnaps = useMemo(() => ordered.filter((s): s is (typeof ordered)[number] & { profile: GoroutineProfile } => s.profile.kind === 'goroutines'), [ordered]);
  const comparison = asked.result?.comparison ?? null;
  // goroutineleak profiles prove groups; the session keeps them out of the series (evidence).
  const evidence = useMemo(() => {
    const ids = new Set(asked.result?.evidence ?? []);
    return ready.filter((s) => ids.has(s.id));
  }, [ready, asked.result]);
  const proven = useMemo(() => (asked.result ? new Map(asked.result.proven) : undefined), [asked.result]);
  const rows = useMemo(() => (comparison ? filterRows(comparison.groups, query) : []), [comparison, query]);
  const sel = comparison?.groups.find((g) => g.signature === selected);

  return (
    <main className="cmp" aria-label="Compare snapshots">
      <header className="cmp-head">
        <h1 className="cmp-title">Compare</h1>
        <SlotChips slots={chipOrder} />
        <button type="button" className="btn" onClick={() => void addSnapshots()}>
          Add snapshots…
        </button>
        {slots.length === 2 && (
          <button type="button" className="btn" onClick={swapSlots} title="Swap A and B">
            ⇄ Swap
          </button>
        )}
        {slots.length > 0 && (
          <button type="button" className="btn btn-quiet" onClick={clearSlots}>
            Clear
          </button>
        )}
        <span className="cmp-spacer" />
        {comparison && <ModeSwitch />}
      </header>
      {slots.length === 0 && (
        <div className="cmp-empty">
          <h2>Compare goroutine snapshots</h2>
          <p>
            Drop two or more goroutine profiles of one process here (pprof, debug=1 or debug=2, goroutineleak), or a profile and an execution trace. Groups
            are matched by stack; growth between snapshots is the strongest leak signal.
          </p>
          <button type="button" className="primary" onClick={() => void addSnapshots()}>
            Add snapshots…
          </button>
        </div>
      )}
      {slots.some((s) => s.error) && (
        <div className="cmp-errors" role="alert">
          {slots.filter((s) => s.error).map((s) => (
            <div key={s.id}>
              <strong>{s.name}</strong>: {s.error}
            </div>
          ))}
        </div>
      )}
      {comparison && evidence.length > 0 && (
        <p className="cmp-evidence-note" data-testid="cmp-evidence-note">
          {evidenceNote(evidence.map((e) => e.name), proven)}
        </p>
      )}
      {comparison && (
        <>
          <Summary c={comparison} />
          <div className="cmp-body">
            <section className="cmp-main" aria-label="Groups">
              <Toolbar />
              <CompareTable comparison={comparison} rows={rows} proven={proven} />
            </section>
            <section className="cmp-pane" aria-label="Details">
              <div className="cmp-tabs" role="tablist">
                {PANES.map(([k, label]) => (
                  <button key={k} type="button" role="tab" aria-selected={pane === k} className={`cmp-tab${pane === k ? ' cmp-tab-on' : ''}`} onClick={() => set({ pane: k })}>
                    {label}
                  </button>
                ))}
              </div>
              <div className="cmp-pane-body">
                {pane === 'stacks' &&
                  (sel ? (
                    <StackDiff group={sel} profiles={goroutineSnaps.map((s) => s.profile)} names={goroutineSnaps.map((s) => s.name)} mode={mode} />
                  ) : (
                    <div className="cmp-hint muted">Select a row to see its stack in {snapshotLetter(0, 2)} and in the last snapshot, side by side.</div>
                  ))}
                {pane === 'flame' && <FlamePane ids={ordered.map((s) => s.id)} profiles={ordered.map((s) => s.profile)} names={ordered.map((s) => s.name)} />}
                {pane === 'series' && <SeriesChart comparison={comparison} />}
              </div>
            </section>
          </div>
        </>
      )}
      {asked.error && (
        <div className="cmp-errors" role="alert">
          {asked.error}
        </div>
      )}
      {!comparison && !asked.pending && allLoaded && ready.length >= 1 && (
        <div className="cmp-single">
          {ready.length >= 2 && <div className="cmp-hint muted">The table compares goroutine profiles; these are {ordered.map((s) => s.profile.profileType).join(' and ')} profiles.</div>}
          {/* Only evidence left (a goroutineleak profile alone): the series is empty, show the evidence itself. */}
          <FlamePane ids={(ordered.length > 0 ? ordered : ready).map((s) => s.id)} profiles={(ordered.length > 0 ? ordered : ready).map((s) => s.profile)} names={(ordered.length > 0 ? ordered : ready).map((s) => s.name)} />
        </div>
      )}
    </main>
  );
}
