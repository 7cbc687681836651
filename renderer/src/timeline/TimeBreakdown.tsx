import { formatPercent } from '../../../analysis/phrasing';
import type { Breakdown } from './time-breakdown';
import { formatDuration } from './time-axis';

/** A breakdown as rows of label, time, share and a bar in the kind's colour. */
export function TimeBreakdown({ b, testId }: { b: Breakdown; testId: string }) {
  if (b.totalNs <= 0) return <p className="muted tv-small">No time in the trace.</p>;
  return (
    <table className="tv-table tv-breakdown" data-testid={testId}>
      <colgroup>
        <col />
        <col className="tv-col-dur" />
        <col className="tv-col-pct" />
      </colgroup>
      <tbody>
        {b.entries.map((e) => (
          <tr key={e.label} data-label={e.label}>
            <td className="tv-td-clip" title={e.label}>
              <span className={`tv-swatch tv-k${e.kind}`} /> {e.label}
            </td>
            <td className="mono num">{formatDuration(e.ns)}</td>
            <td className="num">
              <span className="tv-bar" style={{ width: `${Math.max(1, Math.round((100 * e.ns) / b.totalNs))}%` }} />
              {formatPercent(e.ns / b.totalNs)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
