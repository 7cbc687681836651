// The suspects panel beside the timeline: the fused analysis of the document and its evidence,
// ranked as the reports rank it. Selecting a suspect filters the timeline to its goroutines and
// selects the first; J/K step through suspects. Evidence, ignore rules and export live here too.
import { useEffect, useState } from 'react';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { DocumentInfo } from '../../../contract';
import type { TimelineController } from '../timeline/controller';
import { bridge } from '../bridge';
import { useApp } from '../state/app-store';
import { EvidenceBar } from './EvidenceBar';
import { ExportDialog } from './ExportDialog';
import { addEvidenceFiles, huntEntry, loadHunt, selectSuspect, stepSuspect, useHunt } from './hunt-store';
import { IgnoreRules } from './IgnoreRules';
import { LowVerdictRow, SuspectCard } from './SuspectCard';
import { countOf, lowConfidenceSummary, PARTIAL_PREFIX } from '../../../analysis/phrasing';
import './hunt.css';

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);

/**
 * `analysis`: what to show (the fused analysis when there is one, else the engine's); `ready`:
 * the engine finished, so the hunt may ask the Node side for more without competing with the load.
 */
export function SuspectsPanel({ doc, ctrl, analysis, ready }: { doc: DocumentInfo; ctrl: TimelineController | null; analysis: AnalysisResult | null; ready: boolean }) {
  const hunt = useHunt(doc.id);
  const mode = useApp((s) => s.info?.mode) ?? 'browser';
  const [exporting, setExporting] = useState(false);
  const result = hunt.result ?? analysis;
  const verdicts = result?.verdicts ?? [];
  const selectedIndex = hunt.selected === null ? -1 : verdicts.findIndex((v) => v.fingerprint === hunt.selected);
  const selected = verdicts[selectedIndex];
  // Verdicts are ranked, so the low ones are a tail.
  const lowAt = verdicts.findIndex((v) => v.confidence === 'low');
  const firstLow = lowAt < 0 ? verdicts.length : lowAt;
  // A cancelled or damaged load was analysed as far as it was read: the analysis says so first.
  const partialNotes = (result?.warnings ?? []).filter((w) => w.startsWith(PARTIAL_PREFIX));
  const userIgnored = Object.entries(result?.ignored ?? {}).reduce((n, [why, c]) => (why.startsWith('ignore rule:') ? n + c : n), 0);

  useEffect(() => {
    // Once per document after its load: later loads follow user actions.
    if (ready && !huntEntry(doc.id).state && !huntEntry(doc.id).busy) void loadHunt(doc.id);
  }, [doc.id, ready]);

  // The timeline follows the selection (also after a new analysis rebuilt the controller).
  const ids = selected?.goroutineIds;
  useEffect(() => {
    if (!ctrl) return;
    ctrl.focusGoroutines(ids && ids.length > 0 ? ids : null);
  }, [ctrl, ids]);

  const fingerprints = verdicts.map((v) => v.fingerprint).join('\n');
  useEffect(() => {
    const fps = fingerprints ? fingerprints.split('\n') : [];
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'J') stepSuspect(doc.id, fps, 1);
      else if (e.key === 'k' || e.key === 'K') stepSuspect(doc.id, fps, -1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const offMenu = bridge().onMenuCommand((c) => {
      if (c === 'export-report') setExporting(true);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, [doc.id, fingerprints]);

  // The selected card stays in view while stepping with J/K.
  useEffect(() => {
    document.querySelector(`.hs-panel [data-index="${selectedIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  return (
    <aside
      className="hs-panel"
      aria-label="Suspects"
      data-testid="suspects-panel"
      data-busy={hunt.busy ? 'true' : 'false'}
      onDragOver={(e) => {
        if (Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const files = Array.from(e.dataTransfer.files);
        if (files.length === 0) return;
        // Dropped here: evidence for this document, not new tabs.
        e.preventDefault();
        e.stopPropagation();
        void addEvidenceFiles(doc.id, files);
      }}
    >
      <header className="hs-head">
        <h2>
          Suspects <span className="hs-pill">{result ? firstLow : '…'}</span>
        </h2>
        <span className="tv-grow" />
        {selected && (
          <button type="button" className="hs-link" onClick={() => selectSuspect(doc.id, null)} data-testid="show-all">
            Show all goroutines
          </button>
        )}
        <button type="button" className="hs-btn" onClick={() => setExporting(true)} disabled={!result} data-testid="export-open">
          Export…
        </button>
      </header>
      <EvidenceBar doc={doc} state={hunt.state} busy={hunt.busy} />
      {hunt.error && (
        <p className="hs-error" role="alert" data-testid="hunt-error">
          {hunt.error.message}
        </p>
      )}
      {!result && <p className="muted hs-pad">Analysing…</p>}
      {result && firstLow === 0 && <p className="muted hs-pad">No goroutine is parked in a way that suggests a leak.</p>}
      {userIgnored > 0 && (
        <p className="muted hs-pad" data-testid="ignored-count">
          {countOf(userIgnored, 'goroutine')} hidden by your ignore rules
        </p>
      )}
      {partialNotes.map((w) => (
        <p key={w} className="hs-partial" role="status" data-testid="suspects-partial">
          {w}
        </p>
      ))}
      <ol className="hs-list" data-testid="suspect-list">
        {verdicts.slice(0, firstLow).map((v, i) => (
          <SuspectCard key={v.fingerprint} v={v} index={i} selected={i === selectedIndex} onSelect={() => selectSuspect(doc.id, i === selectedIndex ? null : v.fingerprint)} />
        ))}
      </ol>
      {firstLow < verdicts.length && (
        // Low verdicts are parked goroutines the rules do not call leaked (an accept loop, an idle
        // worker): collapsed as in the Markdown report, so they do not read as suspects.
        <details className="hs-low" open={selectedIndex >= firstLow} data-testid="low-verdicts">
          <summary>{lowConfidenceSummary(verdicts.length - firstLow)}</summary>
          <ol className="hs-low-list">
            {/* One line each; the selected one opens as a full card (explanation, test, notes). */}
            {verdicts.slice(firstLow).map((v, j) =>
              firstLow + j === selectedIndex ? (
                <SuspectCard key={v.fingerprint} v={v} index={firstLow + j} selected onSelect={() => selectSuspect(doc.id, null)} />
              ) : (
                <LowVerdictRow key={v.fingerprint} v={v} index={firstLow + j} selected={false} onSelect={() => selectSuspect(doc.id, v.fingerprint)} />
              ),
            )}
          </ol>
        </details>
      )}
      <IgnoreRules id={doc.id} state={hunt.state} selected={selected} busy={hunt.busy} />
      <footer className="hs-foot muted">
        <kbd>J</kbd>/<kbd>K</kbd> next/previous suspect
      </footer>
      {exporting && <ExportDialog doc={doc} mode={mode} onClose={() => setExporting(false)} />}
    </aside>
  );
}
