import { useEffect } from 'react';
import type { DocumentInfo } from '../../../contract';
import { formatBytes } from '../format';
import type { AnalysisResult } from '../../../analysis/verdict';
import { SuspectsPanel } from '../hunt/SuspectsPanel';
import { useHunt } from '../hunt/hunt-store';
import { TraceView } from '../timeline/TraceView';
import { useTrace } from '../trace-source/use-trace';
import { DocumentSummary } from './DocumentSummary';

/** A document as a timeline once its trace is parsed; progress before, the file facts on failure. */
export function TraceDocument({ doc }: { doc: DocumentInfo }) {
  const { model, analysis, progress, error } = useTrace(doc.id);
  // The suspects panel's fused analysis (document + evidence + project rules) once the Node side
  // has it, so a group the goroutineleak profile proves is marked proven on the timeline too.
  const hunt: AnalysisResult | null = useHunt(doc.id).result;
  useEffect(() => {
    document.title = `${doc.name} — Leakline`;
    return () => {
      document.title = 'Leakline';
    };
  }, [doc.name]);
  if (model) return <TraceView model={model} analysis={hunt ?? analysis} key={doc.id} aside={(ctrl) => <SuspectsPanel doc={doc} ctrl={ctrl} />} />;
  if (error) {
    // No timeline for this document here, but the leak hunt runs on the Node side regardless.
    return (
      <div className="tv-body">
        <SuspectsPanel doc={doc} ctrl={null} />
        <div className="doc-wrap">
          <DocumentSummary doc={doc} />
          <p className="doc-error" role="status" data-testid="trace-error">
            {error.message}
          </p>
        </div>
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
