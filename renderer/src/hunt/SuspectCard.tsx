import { shortFunction, shortSite, type Site } from '../../../analysis/frames';
import { formatCount } from '../../../analysis/phrasing';
import type { Verdict } from '../../../analysis/verdict';

function SiteLine({ label, site }: { label: string; site: Site | undefined }) {
  return (
    <div className="hs-site">
      <span className="hs-site-label">{label}</span>
      {site ? (
        <span className="hs-site-value" title={`${site.function}\n${site.file}:${site.line}`}>
          <code>{shortFunction(site.function)}</code> <span className="hs-file">{shortSite(site)}</span>
        </span>
      ) : (
        <span className="muted">unknown</span>
      )}
    </div>
  );
}

/** Why the confidence is what it is, when another input changed it: proof, or a downgrade. */
function evidenceNote(v: Verdict): { kind: 'proven' | 'down' | 'up'; text: string } | null {
  const shrink = v.evidence.find((e) => e.kind === 'snapshot-shrink');
  if (shrink) return { kind: 'down', text: `Downgraded: ${shrink.detail}` };
  const proven = v.evidence.find((e) => e.kind === 'gc-proven');
  if (proven && v.confidence === 'proven') return { kind: 'proven', text: proven.detail };
  const growth = v.evidence.find((e) => e.kind === 'snapshot-growth');
  if (growth) return { kind: 'up', text: growth.detail };
  return null;
}

export function SuspectCard({ v, index, selected, onSelect }: { v: Verdict; index: number; selected: boolean; onSelect: () => void }) {
  const note = evidenceNote(v);
  return (
    <li>
      <button
        type="button"
        className={`hs-card hs-conf-${v.confidence}${selected ? ' hs-card-selected' : ''}`}
        onClick={onSelect}
        aria-pressed={selected}
        data-testid="suspect"
        data-confidence={v.confidence}
        data-fingerprint={v.fingerprint}
        data-index={index}
      >
        <div className="hs-card-head">
          <span className="hs-badge">{v.confidence}</span>
          <span className="hs-count" data-testid="suspect-count">
            {formatCount(v.count)} goroutine{v.count === 1 ? '' : 's'}
          </span>
          <span className="hs-wait">{v.waitReason}</span>
        </div>
        {v.test && (
          <div className="hs-test" data-testid="suspect-test">
            in test <code>{v.test}</code>
          </div>
        )}
        <SiteLine label="blocked at" site={v.blockedAt} />
        <SiteLine label="created by" site={v.createdBy} />
        <p className="hs-why">{v.explanation}</p>
        {note && (
          <p className={`hs-note hs-note-${note.kind}`} data-testid={`suspect-note-${note.kind}`}>
            {note.text}
          </p>
        )}
      </button>
    </li>
  );
}

/** A low verdict in the collapsed list: one line, still selectable (filters the timeline like a card). */
export function LowVerdictRow({ v, index, selected, onSelect }: { v: Verdict; index: number; selected: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        className={`hs-low-row${selected ? ' hs-card-selected' : ''}`}
        onClick={onSelect}
        aria-pressed={selected}
        title={v.explanation}
        data-testid="low-verdict"
        data-confidence={v.confidence}
        data-fingerprint={v.fingerprint}
        data-index={index}
      >
        <span className="hs-low-count">{formatCount(v.count)}×</span> <code>{shortFunction(v.startFunction)}</code> <span className="muted">{v.waitReason}</span>
        {v.test && <span className="muted"> · in {v.test}</span>}
        {v.evidence.some((e) => e.kind === 'snapshot-shrink') && <span className="muted"> · downgraded</span>}
      </button>
    </li>
  );
}
