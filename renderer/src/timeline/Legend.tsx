import type { Confidence } from '../../../analysis/verdict';
import { LEGEND_ORDER } from './palette';
import { LeakIcon } from './LeakIcon';
import { SPAN_KIND_LABELS } from './span-kind';

const CONF: readonly Confidence[] = ['proven', 'high', 'medium', 'low'];

export function Legend() {
  return (
    <div className="tv-legend" aria-label="Legend">
      {LEGEND_ORDER.map((k) => (
        <span key={k} className="tv-legend-item">
          <span className={`tv-swatch tv-k${k}`} />
          {SPAN_KIND_LABELS[k]}
        </span>
      ))}
      <span className="tv-legend-sep" />
      <span className="tv-legend-item">
        <span className="tv-swatch tv-swatch-hatch" /> blocked until the end
      </span>
      {CONF.map((c) => (
        <span key={c} className="tv-legend-item">
          <LeakIcon confidence={c} /> {c}
        </span>
      ))}
    </div>
  );
}
