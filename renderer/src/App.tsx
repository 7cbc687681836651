import { useEffect, useState } from 'react';
import { TraceDocument } from './components/TraceDocument';
import { DocumentTabs } from './components/DocumentTabs';
import { EmptyState } from './components/EmptyState';
import { ErrorBanner } from './components/ErrorBanner';
import { ProgressBar } from './components/ProgressBar';
import { CompareView } from './compare/CompareView';
import './compare/compare.css';
import { connectCompare, useCompare } from './compare/compare-store';
import { connect } from './state/actions';
import { openFiles, openFilesCommand } from './state/open-many';
import { useApp } from './state/app-store';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');

/** Whole-window drop target: dragenter/leave fire per child element, so count them. */
function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      // The compare view takes any drop; a trace dropped with its profiles opens as one document
      // with evidence; other multi-file drops are compared (state/open-many.ts).
      void openFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

export function App() {
  const dragging = useFileDrop();
  const docs = useApp((s) => s.docs);
  const active = useApp((s) => s.docs.find((d) => d.id === s.activeId) ?? null);
  const info = useApp((s) => s.info);

  const comparing = useCompare((s) => s.active);
  useEffect(() => connect(), []);
  useEffect(() => connectCompare(), []);
  useEffect(() => {
    // Electron's menu owns Ctrl/⌘+O; the browser needs the shortcut from the page. Registered on
    // mount and checked per key press: registering once the mode is known would leave a gap after
    // "browser mode" is painted and before the effect runs, where the shortcut silently did nothing.
    const onKey = (e: KeyboardEvent) => {
      if (useApp.getState().info?.mode !== 'browser') return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        void openFilesCommand();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={`app${dragging ? ' app-dragging' : ''}`}>
      {(docs.length > 0 || comparing) && <DocumentTabs />}
      <ErrorBanner />
      <ProgressBar />
      {comparing ? <CompareView /> : active ? <TraceDocument doc={active} key={active.id} /> : <EmptyState dragging={dragging} />}
      <footer className="status">
        <span>{info ? `Leakline ${info.version}` : 'Leakline'}</span>
        {info?.mode === 'browser' && <span className="muted">browser mode · served from this machine only</span>}
      </footer>
    </div>
  );
}
