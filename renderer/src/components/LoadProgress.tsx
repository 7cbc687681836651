import type { DocumentId } from '../../../contract';
import type { DocumentSnapshot } from '../document/document-store';
import { cancelLoad } from '../document/documents';
import { formatBytes } from '../format';

/** The engine's progress for one document: bytes read, goroutines so far, and Cancel. */
export function LoadProgress({ id, snap }: { id: DocumentId; snap: DocumentSnapshot }) {
  const loading = snap.status === 'connecting' || snap.status === 'loading' || snap.status === 'analysing';
  const p = snap.progress;
  const total = p?.bytesTotal ?? 0;
  const done = snap.status === 'done';
  const pct = total > 0 && p ? Math.min(100, Math.floor((100 * p.bytesRead) / total)) : 0;
  if (!loading && !done) return null;
  // Finished: no bar (a full "Loaded · 100%" bar reads as still busy); the test id stays at 100 %.
  if (done) return <div className="load-finished" data-testid="load-progress" data-percent={100} aria-hidden="true" />;
  const label =
    snap.status === 'connecting'
      ? 'Starting…'
      : snap.status === 'analysing'
        ? 'Analysing…'
        : `Reading ${formatBytes(p?.bytesRead ?? 0)} of ${formatBytes(total)}`;
  return (
    <div className={`progress load-progress${done ? ' load-done' : ''}`} data-testid="load-progress" data-percent={pct}>
      <div className="progress-label">
        <span>
          {label} · {pct}%
        </span>
        {p && p.goroutinesSoFar > 0 && (
          <span className="muted" data-testid="goroutines-so-far">
            {' '}
            · {p.goroutinesSoFar.toLocaleString('en-US')} goroutines so far
          </span>
        )}
        {loading && (
          <button type="button" className="ghost load-cancel" onClick={() => cancelLoad(id)}>
            Cancel
          </button>
        )}
      </div>
      <div className="progress-track" role="progressbar" aria-label="Loading" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
