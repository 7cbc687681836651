import { useEffect } from 'react';
import type { DocumentInfo } from '../../../contract';
import { formatBytes } from '../format';
import { TraceView } from '../timeline/TraceView';
import { useTrace } from '../trace-source/use-trace';
import { DocumentSummary } from './DocumentSummary';

/** A document as a timeline once its trace is parsed; progress before, the file facts on failure. */
export function TraceDocument({ doc }: { doc: DocumentInfo }) {
  const { model, analysis, progress, error } = useTrace(doc.id);
  useEffect(() => {
    document.title = `${doc.name} — Leakline`;
    return () => {
      document.title = 'Leakline';
    };
  }, [doc.name]);
  if (model) return <TraceView model={model} analysis={analysis} key={doc.id} />;
  if (error) {
    return (
      <div className="doc-wrap">
        <DocumentSummary doc={doc} />
        <p className="doc-error" role="status" data-testid="trace-error">
          {error.message}
        </p>
      </div>
    );
  }
  const pct = progress && progress.bytesTotal > 0 ? Math.round((100 * progress.bytesRead) / progress.bytesTotal) : 0;
  return (
    <div className="tv-loading" role="status" data-testid="trace-loading">
      <div className="tv-loading-title">Reading {doc.name}…</div>
      <div className="tv-loading-bar">
        <div className="tv-loading-fill" style={{ width: `${pct}%` }} />
      </div>
      <div className="muted">
        {progress ? `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)}` : formatBytes(doc.sizeBytes)}
      </div>
    </div>
  );
}
