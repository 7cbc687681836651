import { closeCompare, openCompare, useCompare } from '../compare/compare-store';
import { closeDocument } from '../state/actions';
import { openFilesCommand } from '../state/open-many';
import { useApp } from '../state/app-store';

export function DocumentTabs() {
  const docs = useApp((s) => s.docs);
  const activeId = useApp((s) => s.activeId);
  const setActive = useApp((s) => s.setActive);
  const comparing = useCompare((s) => s.active);
  return (
    <nav className="tabs" aria-label="Open files">
      <div role="tablist">
        {docs.map((d) => (
          <div key={d.id} className={`tab${d.id === activeId && !comparing ? ' tab-active' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={d.id === activeId && !comparing}
              className="tab-label"
              onClick={() => {
                setActive(d.id);
                closeCompare();
              }}
              title={d.path}
            >
              {d.name}
            </button>
            <button type="button" className="tab-close" aria-label={`Close ${d.name}`} onClick={() => void closeDocument(d.id)}>
              ×
            </button>
          </div>
        ))}
        <div className={`tab tab-compare${comparing ? ' tab-active' : ''}`}>
          <button type="button" role="tab" aria-selected={comparing} className="tab-label" onClick={() => openCompare()} title="Compare goroutine snapshots">
            ⇄ Compare
          </button>
        </div>
      </div>
      <button type="button" className="ghost tab-open" onClick={() => void openFilesCommand()} aria-label="Open another file">
        +
      </button>
    </nav>
  );
}
