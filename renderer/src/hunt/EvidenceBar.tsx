import type { DocumentInfo, HuntState } from '../../../contract';
import { pickEvidence, removeEvidence } from './hunt-store';

/** The files analysed together: the document, then each evidence file with a remove button. */
export function EvidenceBar({ doc, state, busy }: { doc: DocumentInfo; state: HuntState | null; busy: boolean }) {
  return (
    <section className="hs-evidence" aria-label="Evidence" data-testid="evidence">
      <div className="hs-files">
        <span className="hs-file-chip hs-file-main" title={doc.path}>
          {doc.name}
        </span>
        {state?.evidence.map((e) => (
          <span className="hs-file-chip" key={e.path} title={e.path} data-testid="evidence-file">
            {e.name}
            <button type="button" aria-label={`Remove ${e.name}`} onClick={() => void removeEvidence(doc.id, e.path)} disabled={busy}>
              ×
            </button>
          </span>
        ))}
      </div>
      <button type="button" className="hs-btn" onClick={() => void pickEvidence(doc.id)} disabled={busy} data-testid="add-evidence">
        Add evidence…
      </button>
      <span className="hs-hint">goroutine profiles, debug=2 dumps or a goroutineleak profile of the same process (or drop them here)</span>
    </section>
  );
}
