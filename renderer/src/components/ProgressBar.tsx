import { formatBytes } from '../format';
import { useApp } from '../state/app-store';

const PHASE = { upload: 'Uploading', read: 'Reading', parse: 'Parsing', analyse: 'Analysing' } as const;

export function ProgressBar() {
  const p = useApp((s) => s.progress);
  if (!p) return null;
  const known = p.bytesTotal > 0;
  const pct = known ? Math.min(100, (100 * p.bytesDone) / p.bytesTotal) : 0;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={known ? Math.round(pct) : undefined}>
      <div className="progress-label">
        {PHASE[p.phase]} {formatBytes(p.bytesDone)}
        {known ? ` of ${formatBytes(p.bytesTotal)}` : ''}
      </div>
      <div className="progress-track">
        <div className={`progress-fill${known ? '' : ' progress-indeterminate'}`} style={{ width: known ? `${pct}%` : '30%' }} />
      </div>
    </div>
  );
}
