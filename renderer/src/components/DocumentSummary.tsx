import type { DocumentInfo } from '../../../contract';
import { formatBytes } from '../format';

/** The file facts every view starts from; the trace and profile views render below it. */
export function DocumentSummary({ doc }: { doc: DocumentInfo }) {
  return (
    <section className="doc" aria-label={doc.name}>
      <h1 className="doc-title">{doc.name}</h1>
      <dl className="doc-facts">
        <div>
          <dt>Size</dt>
          <dd data-testid="doc-size">
            {formatBytes(doc.sizeBytes)} <span className="muted">({doc.sizeBytes.toLocaleString('en-US')} bytes)</span>
          </dd>
        </div>
        <div>
          <dt>{doc.uploaded ? 'Uploaded copy' : 'Location'}</dt>
          <dd className="mono">{doc.path}</dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>{new Date(doc.openedAtMs).toLocaleString()}</dd>
        </div>
      </dl>
    </section>
  );
}
