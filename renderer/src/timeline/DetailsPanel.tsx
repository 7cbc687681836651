import { useState } from 'react';
import { useStore } from 'zustand';
import { EditorSettings } from './EditorSettings';
import { evidenceLabel, sourceNotFoundSentence } from '../../../analysis/phrasing';
import { useApp } from '../state/app-store';
import { GO_STATE_NAMES } from '../../../parsers/model';
import type { TimelineController } from './controller';
import { blockedForNs } from './leak-marks';
import { LeakIcon } from './LeakIcon';
import { creationSiteOf, startFunctionOf } from './rows';
import { finalKind, SPAN_KIND_LABELS, type SpanKind } from './span-kind';
import { BreakdownSection, SpanDetails } from './SpanDetails';
import { StackFrames } from './StackFrames';
import { formatDuration } from './time-axis';

/** Rows of the state table beyond which only the first and last ones are listed. */
const TABLE_HEAD = 200;
const TABLE_TAIL = 800;
const kindCache = new Map<number, SpanKind>();

export function DetailsPanel({ ctrl }: { ctrl: TimelineController }) {
  const row = useStore(ctrl.ui, (s) => s.selectedRow);
  const span = useStore(ctrl.ui, (s) => s.selectedSpan);
  const version = useStore(ctrl.ui, (s) => s.dataVersion); // re-render as the model grows
  const [editorOpen, setEditorOpen] = useState(false);
  const missingSource = useApp((a) => a.missingSource);
  const setMissingSource = (v: string | null) => useApp.getState().set({ missingSource: v });
  if (row < 0) {
    return (
      <aside className="tv-details tv-details-empty" aria-label="Goroutine details">
        <p>Select a goroutine to see its state changes, stacks and leak verdict.</p>
        <p className="muted">
          Press <kbd>N</kbd> to jump to the next suspected leak.
        </p>
      </aside>
    );
  }
  const m = ctrl.model;
  const g = m.goroutines;
  const s = m.spans;
  const id = g.id[row];
  const verdict = ctrl.leaks.verdictOf.get(id);
  const parentRow = g.parentId[row] >= 0 ? ctrl.rowOfGoroutineId(g.parentId[row]) : -1;
  const blocked = ctrl.blockedAtEnd(row);
  const ended = !Number.isNaN(g.endNs[row]);
  const kind = finalKind(m, row, kindCache);
  const first = g.firstSpan[row];
  const count = g.spanCount[row];
  const idx: number[] = [];
  if (count <= TABLE_HEAD + TABLE_TAIL) for (let i = 0; i < count; i++) idx.push(first + i);
  else {
    for (let i = 0; i < TABLE_HEAD; i++) idx.push(first + i);
    idx.push(-1);
    for (let i = count - TABLE_TAIL; i < count; i++) idx.push(first + i);
  }
  return (
    <aside className="tv-details" aria-label="Goroutine details" data-testid="details">
      <header className="tv-d-head">
        <h2>
          Goroutine <span data-testid="details-id">{id}</span>
        </h2>
        <span className="tv-d-actions">
          <button type="button" className="tv-icon-btn" onClick={() => setEditorOpen(true)} title="Which editor frames open in, path remapping" aria-label="Editor settings">
            ⚙
          </button>
          <button type="button" className="tv-icon-btn" onClick={() => ctrl.select(-1)} aria-label="Close details">
            ×
          </button>
        </span>
      </header>
      {editorOpen && <EditorSettings onClose={() => setEditorOpen(false)} />}
      {missingSource && (
        <div className="tv-missing-source" role="status" data-testid="missing-source">
          <p>{sourceNotFoundSentence(missingSource)}</p>
          <span className="tv-d-actions">
            <button type="button" className="hs-btn" onClick={() => setEditorOpen(true)} data-testid="open-path-remapping">
              Path remapping…
            </button>
            <button type="button" className="tv-icon-btn" onClick={() => setMissingSource(null)} aria-label="Dismiss">
              ×
            </button>
          </span>
        </div>
      )}
      <p className="tv-d-fn mono">{startFunctionOf(m, row)}</p>
      {verdict && (
        <section className={`tv-verdict tv-conf-${verdict.confidence}`} data-testid="verdict">
          <h3>
            <LeakIcon confidence={verdict.confidence} /> {verdict.confidence === 'low' ? 'Parked, probably fine · low confidence' : `Suspected leak · ${verdict.confidence} confidence`}
          </h3>
          <p>{verdict.explanation}</p>
          {verdict.evidence.length > 0 && (
            <ul className="tv-evidence">
              {verdict.evidence.map((e, i) => (
                <li key={i}>
                  <span className="tv-ev-kind">{evidenceLabel(e.kind)}:</span> {e.detail}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <dl className="tv-facts">
        <div>
          <dt>State at end</dt>
          <dd>
            <span className={`tv-badge tv-k${ended ? 'done' : kind}`}>{ended ? 'exited' : SPAN_KIND_LABELS[kind]}</span>
            {m.strings.strings[g.finalReason[row]] ? <span className="muted"> {m.strings.strings[g.finalReason[row]]}</span> : null}
          </dd>
        </div>
        {blocked && (
          <div>
            <dt>Blocked since</dt>
            <dd data-testid="blocked-since">
              {Number.isNaN(g.finalSinceNs[row]) ? 'before the trace began' : formatDuration(g.finalSinceNs[row])} · for {formatDuration(blockedForNs(m, row))}
            </dd>
          </div>
        )}
        <div>
          <dt>Created</dt>
          <dd>{Number.isNaN(g.createdNs[row]) ? 'before the trace' : formatDuration(g.createdNs[row])}</dd>
        </div>
        {ended && (
          <div>
            <dt>Exited</dt>
            <dd>{formatDuration(g.endNs[row])}</dd>
          </div>
        )}
        <div>
          <dt>Parent</dt>
          <dd>
            {parentRow >= 0 ? (
              <button type="button" className="tv-link" onClick={() => ctrl.select(parentRow)} data-testid="parent-link">
                G{g.parentId[row]} <span className="muted">{startFunctionOf(m, parentRow)}</span>
              </button>
            ) : g.parentId[row] >= 0 ? (
              `G${g.parentId[row]}`
            ) : (
              <span className="muted">runtime or before the trace</span>
            )}
          </dd>
        </div>
      </dl>
      <BreakdownSection ctrl={ctrl} row={row} version={version} />
      {blocked && (
        <section>
          <h3>Blocked at</h3>
          <StackFrames frames={m.stacks.stacks[g.finalStack[row]] ?? []} testId="blocking-stack" />
        </section>
      )}
      <section>
        <h3>Created by</h3>
        <p className="muted tv-small">{creationSiteOf(m, row)}</p>
        <StackFrames frames={m.stacks.stacks[g.creationStack[row]] ?? []} testId="creation-stack" />
      </section>
      <section>
        <h3>
          State changes <span className="muted">({count.toLocaleString('en-US')})</span>
        </h3>
        <div className="tv-table-wrap">
          <table className="tv-table tv-state-table" data-testid="state-table">
            {/* Fixed columns: a long reason is cut (full text in its tooltip), never the Duration column. */}
            <colgroup>
              <col className="tv-col-time" />
              <col className="tv-col-state" />
              <col />
              <col className="tv-col-dur" />
            </colgroup>
            <thead>
              <tr>
                <th>Time</th>
                <th>State</th>
                <th>Reason</th>
                <th className="num">Duration</th>
              </tr>
            </thead>
            <tbody>
              {idx.map((i) =>
                i < 0 ? (
                  <tr key="gap">
                    <td colSpan={4} className="muted">
                      … {(count - TABLE_HEAD - TABLE_TAIL).toLocaleString('en-US')} more …
                    </td>
                  </tr>
                ) : (
                  <tr
                    key={i}
                    className={i === span ? 'tv-tr-selected' : undefined}
                    onClick={() => {
                      ctrl.select(row, i);
                      ctrl.nav.reveal(s.startNs[i], s.endNs[i]);
                    }}
                  >
                    <td className="mono">{formatDuration(s.startNs[i])}</td>
                    <td>
                      <span className={`tv-swatch tv-k${ctrl.kinds[i]}`} /> {s.state[i] === 4 ? SPAN_KIND_LABELS[ctrl.kinds[i]] : GO_STATE_NAMES[s.state[i]]}
                    </td>
                    <td className="tv-td-clip" title={m.strings.strings[s.reason[i]]}>
                      {m.strings.strings[s.reason[i]]}
                    </td>
                    <td className="mono num">{formatDuration(s.endNs[i] - s.startNs[i])}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      </section>
      {span >= 0 && s.goroutine[span] === row && <SpanDetails ctrl={ctrl} span={span} />}
    </aside>
  );
}
