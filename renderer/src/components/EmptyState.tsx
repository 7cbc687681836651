import type { RecentFile } from '../../../contract';
import { openCompare } from '../compare/compare-store';
import { modKey } from '../format';
import { openPath, openSample } from '../state/actions';
import { openFilesCommand } from '../state/open-many';
import { sampleUrl } from '../state/sample';
import { useApp } from '../state/app-store';
import { Logo } from './Logo';

const KINDS: readonly (readonly [string, readonly string[]])[] = [
  ['Execution traces', ['runtime/trace', 'go test -trace', '/debug/pprof/trace']],
  ['Goroutine profiles', ['pprof', 'debug=1', 'debug=2', 'panic dumps']],
  ['Other profiles', ['heap', 'allocs', 'CPU', 'block', 'mutex']],
];

function RecentList({ recent }: { recent: RecentFile[] }) {
  if (recent.length === 0) return null;
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recent</h2>
      <ul>
        {recent.map((r) => (
          <li key={r.path}>
            <button type="button" className="recent-item" onClick={() => void openPath(r.path)} title={r.path}>
              <span className="recent-name">{r.name}</span>
              <span className="recent-path">{r.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EmptyState({ dragging }: { dragging: boolean }) {
  const busy = useApp((s) => s.busy);
  const recent = useApp((s) => s.recent);
  const browser = useApp((s) => s.info?.mode === 'browser');
  return (
    <main className="empty">
      <header className="empty-brand">
        <Logo />
        <div>
          <div className="empty-wordmark">Leakline</div>
          <div className="empty-tagline">Find goroutine leaks in Go traces and profiles</div>
        </div>
      </header>
      <div className={`dropzone${dragging ? ' dropzone-active' : ''}`} data-testid="dropzone">
        <svg className="dropzone-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          <path d="M12 15V4m0 0-4 4m4-4 4 4M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" fill="none" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <h1>Open a trace or profile…</h1>
        <p className="dropzone-hint">
          {dragging ? 'Drop to open' : browser ? 'Drop a file here, or choose one. It stays on this machine.' : 'Drop a file here, or choose one.'}
        </p>
        <button type="button" className="primary" onClick={() => void openFilesCommand()} disabled={busy}>
          {busy ? 'Opening…' : 'Open…'}
          <kbd>{modKey}O</kbd>
        </button>
        {sampleUrl && browser && (
          <button type="button" className="link-button" onClick={() => void openSample()} disabled={busy} data-testid="open-sample">
            or open a sample trace with a goroutine leak
          </button>
        )}
        <button type="button" className="link-button" onClick={() => openCompare()} data-testid="open-compare">
          or compare two or more goroutine snapshots…
        </button>
      </div>
      <dl className="kinds">
        {KINDS.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              {v.map((token) => (
                <code key={token}>{token}</code>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <RecentList recent={recent} />
    </main>
  );
}
