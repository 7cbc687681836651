import { useEffect, useState } from 'react';
import type { DocumentInfo, HuntReportFormat } from '../../../contract';
import { HUNT_REPORT_FORMATS } from '../../../contract';
import { asBridgeError } from '../bridge';
import { copyMarkdown, exportReport, FORMAT_LABELS } from './export-report';

export function ExportDialog({ doc, mode, onClose }: { doc: DocumentInfo; mode: 'electron' | 'browser'; onClose: () => void }) {
  const [format, setFormat] = useState<HuntReportFormat>('md');
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      // Before the timeline's Escape (which clears its selection): this dialog is on top.
      e.stopImmediatePropagation();
      onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);
  const act = async (task: () => Promise<string | null>) => {
    setBusy(true);
    try {
      const line = await task();
      if (line) setStatus(line);
    } catch (err) {
      setStatus(`Failed: ${asBridgeError(err).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="tv-modal-backdrop" onClick={onClose}>
      <div className="tv-modal hs-export" role="dialog" aria-label="Export leak report" onClick={(e) => e.stopPropagation()} data-testid="export-dialog">
        <h2>Export leak report</h2>
        <p className="muted">The same report as <code>leakline report</code> on these inputs, with the project&apos;s ignore rules.</p>
        <fieldset className="hs-formats">
          {HUNT_REPORT_FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} data-testid={`format-${f}`} /> {FORMAT_LABELS[f]}
            </label>
          ))}
        </fieldset>
        <div className="hs-row hs-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void act(() => exportReport(doc, format, mode))} data-testid="export-go">
            {mode === 'electron' ? 'Save…' : 'Download'}
          </button>
          <button type="button" className="hs-btn" disabled={busy} onClick={() => void act(() => copyMarkdown(doc))} data-testid="copy-markdown">
            Copy as Markdown
          </button>
          <span className="tv-grow" />
          <button type="button" className="hs-btn" onClick={onClose}>
            Close
          </button>
        </div>
        {status && (
          <p className="hs-status" role="status" data-testid="export-status">
            {status}
          </p>
        )}
      </div>
    </div>
  );
}
