// Words for a span, shared by the tooltip and the details table.
import type { TraceModel } from '../../../parsers/model';
import { SPAN_KIND_LABELS } from './span-kind';
import { formatDuration } from './time-axis';

export function describeSpan(m: TraceModel, kinds: Uint8Array, span: number): string {
  const s = m.spans;
  const g = m.goroutines;
  const row = s.goroutine[span];
  const reason = m.strings.strings[s.reason[span]];
  const top = m.stacks.stacks[s.stack[span]]?.[0];
  const lines = [
    `G${g.id[row]} · ${SPAN_KIND_LABELS[kinds[span]]}${reason ? ` (${reason})` : ''}`,
    `${formatDuration(s.endNs[span] - s.startNs[span])} from ${formatDuration(s.startNs[span])}`,
  ];
  if (top) lines.push(`${top.func}`);
  return lines.join('\n');
}
