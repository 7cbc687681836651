// The suspects panel beside the timeline: the fused analysis of the document and its evidence,
// ranked as the reports rank it. Selecting a suspect filters the timeline to its goroutines and
// selects the first; J/K step through suspects. Evidence, ignore rules and export live here too.
import { useEffect, useState } from 'react';
import type { DocumentInfo } from '../../../contract';
import type { TimelineController } from '../timeline/controller';
import { bridge } from '../bridge';
import { useApp } from '../state/app-store';
import { EvidenceBar } from './EvidenceBar';
import { ExportDialog } from './ExportDialog';
import { addEvidenceFiles, loadHunt, selectSuspect, stepSuspect, useHunt } from './hunt-store';
import { IgnoreRules } from './IgnoreRules';
import { SuspectCard } from './SuspectCard';
import './hunt.css';

const isTyping = (t: EventTarget | null) => t instanceof HTMLElement && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);

export function SuspectsPanel({ doc, ctrl }: { doc: DocumentInfo; ctrl: TimelineController | null }) {
  const hunt = useHunt(doc.id);
  const mode = useApp((s) => s.info?.mode) ?? 'browser';
  const [exporting, setExporting] = useState(false);
  const verdicts = hunt.result?.verdicts ?? [];
  const selected = verdicts[hunt.selected];
  const userIgnored = Object.entries(hunt.result?.ignored ?? {}).reduce((n, [why, c]) => (why.startsWith('ignore rule:') ? n + c : n), 0);

  useEffect(() => {
    if (!hunt.state && !hunt.busy && !hunt.error) void loadHunt(doc.id);
    // Once per document: later loads follow user actions.
  }, [doc.id]);

  // The timeline follows the selection (also after a new analysis rebuilt the controller).
  const ids = selected?.goroutineIds;
  useEffect(() => {
    if (!ctrl) return;
    ctrl.focusGoroutines(ids && ids.length > 0 ? ids : null);
  }, [ctrl, ids]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j' || e.key === 'J') stepSuspect(doc.id, 1);
      else if (e.key === 'k' || e.key === 'K') stepSuspect(doc.id, -1);
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
  }, [doc.id]);

  // The selected card stays in view while stepping with J/K.
  useEffect(() => {
    document.querySelector(`[data-testid=suspect][data-index="${hunt.selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [hunt.selected]);

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
          Suspects <span className="hs-pill">{hunt.result ? verdicts.length : '…'}</span>
        </h2>
        <span className="tv-grow" />
        {selected && (
          <button type="button" className="hs-link" onClick={() => selectSuspect(doc.id, -1)} data-testid="show-all">
            Show all goroutines
          </button>
        )}
        <button type="button" className="hs-btn" onClick={() => setExporting(true)} disabled={!hunt.result} data-testid="export-open">
          Export…
        </button>
      </header>
      <EvidenceBar doc={doc} state={hunt.state} busy={hunt.busy} />
      {hunt.error && (
        <p className="hs-error" role="alert" data-testid="hunt-error">
          {hunt.error.message}
        </p>
      )}
      {hunt.busy && !hunt.result && <p className="muted hs-pad">Analysing…</p>}
      {hunt.result && verdicts.length === 0 && <p className="muted hs-pad">No goroutine is parked in a way that suggests a leak.</p>}
      {userIgnored > 0 && (
        <p className="muted hs-pad" data-testid="ignored-count">
          {userIgnored} goroutine{userIgnored === 1 ? '' : 's'} hidden by your ignore rules
        </p>
      )}
      <ol className="hs-list" data-testid="suspect-list">
        {verdicts.map((v, i) => (
          <SuspectCard key={v.fingerprint} v={v} index={i} selected={i === hunt.selected} onSelect={() => selectSuspect(doc.id, i === hunt.selected ? -1 : i)} />
        ))}
      </ol>
      <IgnoreRules id={doc.id} state={hunt.state} selected={selected} busy={hunt.busy} />
      <footer className="hs-foot muted">
        <kbd>J</kbd>/<kbd>K</kbd> next/previous suspect
      </footer>
      {exporting && <ExportDialog doc={doc} mode={mode} onClose={() => setExporting(false)} />}
    </aside>
  );
}
