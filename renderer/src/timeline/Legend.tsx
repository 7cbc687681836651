// Every mark the timeline draws, named: span colours (one per kind), the end-of-trace hatching
// with and without a verdict, the leak marks, the selected span, the GC/STW bands and the end of
// the trace. test/e2e/browser/ui-findings.spec.ts checks the list against what is drawn.
import type { Confidence } from '../../../analysis/verdict';
import { LEGEND_ORDER } from './palette';
import { LeakIcon } from './LeakIcon';
import { SPAN_KIND_LABELS } from './span-kind';

const CONF: readonly Confidence[] = ['proven', 'high', 'medium', 'low'];

/** Marks besides the span kinds, in the order they are listed. */
export const LEGEND_MARKS: readonly [id: string, swatch: string, label: string, title: string][] = [
  ['hatch', 'tv-swatch-hatch', 'blocked until the end', 'Blocked when the trace ended; coloured by the verdict when the analysis suspects it'],
  ['hatch-plain', 'tv-swatch-hatch tv-swatch-hatch-plain', 'no verdict', 'Blocked until the end, but not suspected (grey hatching)'],
  ['selected', 'tv-swatch-outline', 'selected span', 'The span selected in the details panel'],
  ['flow', 'tv-swatch-flow', 'woken by', 'Arrow from the goroutine that woke the selected wait to it'],
  ['gc', 'tv-swatch-gc', 'GC', 'Garbage collection (track above the rows)'],
  ['stw', 'tv-swatch-stw', 'stop the world', 'Stop-the-world pauses (track above the rows)'],
  ['end', 'tv-swatch-endline', 'end of trace', 'The last event of the trace'],
  ['proc', 'tv-swatch-proc', 'P running', 'A processor (P) running goroutines (processor rows above the goroutines)'],
  ['task', 'tv-swatch-task', 'user task', 'runtime/trace task (annotation lanes above the goroutines)'],
  ['region', 'tv-swatch-region', 'user region', 'runtime/trace region (annotation lanes above the goroutines)'],
  ['log', 'tv-swatch-log tv-swatch-logmark', 'user log', 'runtime/trace log message (triangle on the annotation lanes)'],
];

export function Legend() {
  return (
    <div className="tv-legend" aria-label="Legend" data-testid="legend">
      {LEGEND_ORDER.map((k) => (
        <span key={k} className="tv-legend-item" data-mark={`kind-${k}`}>
          <span className={`tv-swatch tv-k${k}`} />
          {SPAN_KIND_LABELS[k]}
        </span>
      ))}
      <span className="tv-legend-sep" />
      {LEGEND_MARKS.map(([id, swatch, label, title]) => (
        <span key={id} className="tv-legend-item" data-mark={id} title={title}>
          <span className={`tv-swatch ${swatch}`} /> {label}
        </span>
      ))}
      <span className="tv-legend-sep" />
      {CONF.map((c) => (
        <span key={c} className="tv-legend-item" data-mark={`leak-${c}`} title={`Suspected leak, ${c} confidence`}>
          <LeakIcon confidence={c} /> {c}
        </span>
      ))}
    </div>
  );
}
