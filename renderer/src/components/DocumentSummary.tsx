import type { DocumentInfo } from '../../../contract';
import { useTraceDocument } from '../document/use-trace-document';
import { formatBytes } from '../format';
import { ContentSummary } from './ContentSummary';
import { DocumentBanners } from './DocumentBanners';
import { LoadProgress } from './LoadProgress';

/** The file facts every view starts from; the trace and profile views render below it. */
export function DocumentSummary({ doc }: { doc: DocumentInfo }) {
  const snap = useTraceDocument(doc.id);
  return (
    <section className="doc" aria-label={doc.name} data-testid="document-view" data-status={snap.status} data-chunks={snap.chunks}>
      <LoadProgress id={doc.id} snap={snap} />
      <DocumentBanners snap={snap} />
      <h1 className="doc-title">{doc.name}</h1>
      <dl className="doc-facts">
        <div>
          <dt>Size</dt>
          <dd data-testid="doc-size">
            {formatBytes(doc.sizeBytes)} <span className="muted">({doc.sizeBytes.toLocaleString('en-US')} bytes)</span>
          </dd>
        </div>
        {/* An upload's path is the server's temporary copy, not the user's file: not shown. */}
        {!doc.uploaded && (
          <div>
            <dt>Location</dt>
            <dd className="mono">{doc.path}</dd>
          </div>
        )}
        <div>
          <dt>Opened</dt>
          <dd>{new Date(doc.openedAtMs).toLocaleString()}</dd>
        </div>
      </dl>
      <ContentSummary snap={snap} doc={doc} />
    </section>
  );
}
