import type { DocumentSnapshot } from '../document/document-store';
import { describeEngineError, describePartial } from '../document/engine-errors';

/** The load's error (what went wrong, in words) and the partial-data notice, when they apply. */
export function DocumentBanners({ snap }: { snap: DocumentSnapshot }) {
  return (
    <>
      {snap.error && (
        <div className="banner banner-error" role="alert" data-testid="document-error" data-code={snap.error.code}>
          <div>
            <strong>{describeEngineError(snap.error)}</strong>
            <span className="banner-detail">
              {snap.error.file}: {snap.error.code}
              {snap.error.offset >= 0 ? ` at ${snap.error.offsetKind} ${snap.error.offset}` : ''}: {snap.error.message}
            </span>
          </div>
        </div>
      )}
      {snap.partial && (
        <div className="banner banner-warning" role="status" data-testid="partial-banner">
          <div>
            <strong>{describePartial(snap.partial)}</strong>
            <span className="banner-detail">Everything before that point is shown, and the suspects are judged on that part only.</span>
          </div>
        </div>
      )}
      {snap.analysisError && (
        <div className="banner banner-warning" role="status">
          <div>
            <strong>The leak analysis failed; the data is shown without verdicts.</strong>
            <span className="banner-detail">{snap.analysisError.message}</span>
          </div>
        </div>
      )}
    </>
  );
}
