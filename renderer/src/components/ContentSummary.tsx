import { countOf, lowConfidenceSummary, traceFormatLabel } from '../../../analysis/phrasing';
import type { DocumentInfo } from '../../../contract';
import { ProfileFlame } from '../flame/ProfileFlame';
import { GO_STATE_NAMES } from '../../../parsers/model/goroutine-state';
import type { Profile } from '../../../parsers/model/profile-model';
import type { TraceModel } from '../../../parsers/model/trace-model';
import type { DocumentSnapshot } from '../document/document-store';

/** Rows shown while no timeline exists: enough to see the data arrive. */
const ROWS = 25;

function TraceFacts({ model }: { model: TraceModel }) {
  const g = model.goroutines;
  const n = Math.min(ROWS, g.count);
  const rows = [];
  for (let r = 0; r < n; r++) {
    rows.push(
      <tr key={r} data-testid="goroutine-row">
        <td className="mono">{g.id[r]}</td>
        <td className="mono">{model.strings.strings[g.startFunc[r]] || '—'}</td>
        <td>{GO_STATE_NAMES[g.finalState[r]]}</td>
        <td className="num">{g.spanCount[r].toLocaleString('en-US')}</td>
      </tr>,
    );
  }
  return (
    <>
      <dl className="doc-facts">
        <div>
          <dt>Goroutines</dt>
          <dd data-testid="goroutine-count">{g.count.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>State spans</dt>
          <dd data-testid="span-count">{model.spans.count.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Generations</dt>
          <dd>{model.generations}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{(model.durationNs / 1e6).toFixed(1)} ms</dd>
        </div>
        {model.goVersion && (
          <div>
            <dt>Format</dt>
            <dd>{traceFormatLabel(model.goVersion)}</dd>
          </div>
        )}
      </dl>
      <table className="doc-table" aria-label="Goroutines">
        <thead>
          <tr>
            <th>Goroutine</th>
            <th>Entry function</th>
            <th>State</th>
            <th className="num">Spans</th>
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
    </>
  );
}

function ProfileFacts({ profile }: { profile: Profile }) {
  if (profile.kind === 'samples') {
    return (
      <dl className="doc-facts">
        <div>
          <dt>Profile</dt>
          <dd data-testid="profile-type">{profile.profileType}</dd>
        </div>
        <div>
          <dt>Samples</dt>
          <dd>{profile.samples.length.toLocaleString('en-US')}</dd>
        </div>
      </dl>
    );
  }
  return (
    <dl className="doc-facts">
      <div>
        <dt>Profile</dt>
        <dd data-testid="profile-type">
          {profile.profileType} ({profile.format})
        </dd>
      </div>
      <div>
        <dt>Goroutines</dt>
        <dd data-testid="goroutine-count">{profile.total.toLocaleString('en-US')}</dd>
      </div>
      <div>
        <dt>Distinct stacks</dt>
        <dd>{profile.groups.length.toLocaleString('en-US')}</dd>
      </div>
    </dl>
  );
}

/** What the engine found, until the timeline and profile views take over. */
export function ContentSummary({ snap, doc }: { snap: DocumentSnapshot; doc?: Pick<DocumentInfo, 'id' | 'name'> }) {
  const serious = snap.verdicts.filter((v) => v.confidence !== 'low');
  const low = snap.verdicts.filter((v) => v.confidence === 'low');
  const model = snap.model;
  return (
    <div className="doc-content">
      {model && <TraceFacts model={model} />}
      {snap.profile && <ProfileFacts profile={snap.profile} />}
      {snap.profile && <ProfileFlame profile={snap.profile} doc={doc} />}
      {snap.analysis && (
        <section aria-label="Leak verdicts">
          <h2 data-testid="verdict-count">{serious.length === 0 ? 'No leak suspects' : countOf(serious.length, 'leak suspect')}</h2>
          {low.length > 0 && (
            // As in the Markdown report and the suspects panel: low verdicts are not suspects.
            <p className="muted" data-testid="low-summary">
              {lowConfidenceSummary(low.length)}
            </p>
          )}
          <ul className="verdicts">
            {serious.slice(0, 10).map((v) => (
              <li key={v.fingerprint} data-testid="verdict">
                <strong>{v.count.toLocaleString('en-US')}×</strong> <span className="mono">{v.startFunction}</span> · {v.waitReason}{' '}
                <span className="muted">({v.confidence})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
