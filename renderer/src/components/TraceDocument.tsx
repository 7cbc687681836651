import { traceFormatLabel } from '../../../analysis/phrasing';
import { useEffect } from 'react';
import type { DocumentInfo } from '../../../contract';
import { useTraceDocument } from '../document/use-trace-document';
import { formatBytes } from '../format';
import { formatDuration } from '../timeline/time-axis';
import { SuspectsPanel } from '../hunt/SuspectsPanel';
import { useHunt } from '../hunt/hunt-store';
import { TraceView } from '../timeline/TraceView';
import { DocumentBanners } from './DocumentBanners';
import { DocumentSummary } from './DocumentSummary';
import { LoadProgress } from './LoadProgress';

/**
 * A document: traces as the timeline as soon as the engine has streamed goroutines in (the view
 * grows with every chunk), everything else (profiles, dumps, errors, the first moments of a load)
 * as the document summary.
 */
export function TraceDocument({ doc }: { doc: DocumentInfo }) {
  const snap = useTraceDocument(doc.id);
  // The suspects panel's fused analysis (document + evidence + project rules) when there is one,
  // so a group the goroutineleak profile proves is marked proven on the timeline too.
  const fused = useHunt(doc.id).result;
  useEffect(() => {
    document.title = `${doc.name} — Leakline`;
    return () => {
      document.title = 'Leakline';
    };
  }, [doc.name]);
  const model = snap.format === 'go-trace' ? snap.model : null;
  // A load that failed part-way keeps what arrived: the timeline shows it under the error banner.
  if (!model || model.goroutines.count === 0) return <DocumentSummary doc={doc} />;
  const done = snap.status === 'done';
  return (
    <section className="doc-trace" aria-label={doc.name} data-testid="document-view" data-status={snap.status} data-chunks={snap.chunks}>
      {!done && <LoadProgress id={doc.id} snap={snap} />}
      {/* Once loaded, the file facts take the progress bar's place (and its test id, at 100 %). */}
      {done && (
        <div className="doc-strip" data-testid="load-progress" data-percent={100}>
          <span className="doc-strip-name">{doc.name}</span>
          <span data-testid="doc-size" title={`${doc.sizeBytes.toLocaleString('en-US')} bytes`}>
            {formatBytes(doc.sizeBytes)} <span className="muted">({doc.sizeBytes.toLocaleString('en-US')} bytes)</span>
          </span>
          {model.goVersion && <span data-testid="trace-format">{traceFormatLabel(model.goVersion)}</span>}
          <span>{formatDuration(model.durationNs)} traced</span>
          <span>{model.spans.count.toLocaleString('en-US')} state changes</span>
          {/* An upload's path is the server's temporary copy: meaningless to the user, so only the name is shown. */}
          {!doc.uploaded && (
            <span className="muted mono doc-strip-path" title={doc.path} data-testid="doc-path">
              {doc.path}
            </span>
          )}
        </div>
      )}
      <DocumentBanners snap={snap} />
      <TraceView
        model={model}
        analysis={fused ?? snap.analysis}
        loading={!done}
        aside={(ctrl) => <SuspectsPanel doc={doc} ctrl={ctrl} analysis={fused ?? snap.analysis} ready={done} />}
      />
    </section>
  );
}
