// The selected span: its state, duration and reason, the stack where it began, and who woke it
// (the goroutine whose unblock ended a wait, with its stack when the trace recorded one; the
// rows canvas draws the same link as an arrow), and the other goroutines blocked at its line.
import { useMemo, useState } from 'react';
import { GO_STATE_NAMES } from '../../../parsers/model';
import type { TimelineController } from './controller';
import { blockedAtSameLine, wakeOf } from './flow';
import { startFunctionOf } from './rows';
import { SPAN_KIND_LABELS } from './span-kind';
import { StackFrames } from './StackFrames';
import { TimeBreakdown } from './TimeBreakdown';
import { timeBreakdown } from './time-breakdown';
import { formatDuration } from './time-axis';

/** Goroutines listed under "blocked at this line"; the rest are counted. */
const SAME_LINE_SHOWN = 12;

export function SpanDetails({ ctrl, span }: { ctrl: TimelineController; span: number }) {
  const m = ctrl.model;
  const s = m.spans;
  const waker = wakeOf(m, span);
  const same = useMemo(() => blockedAtSameLine(m, span), [m, span]);
  const wakerRow = waker ? ctrl.rowOfGoroutineId(waker.id) : -1;
  const stack = m.stacks.stacks[s.stack[span]];
  const reason = m.strings.strings[s.reason[span]];
  return (
    <section className="tv-span" data-testid="span-details">
      <h3>Selected span</h3>
      <p>
        <span className={`tv-swatch tv-k${ctrl.kinds[span]}`} /> <strong>{s.state[span] === 4 ? SPAN_KIND_LABELS[ctrl.kinds[span]] : GO_STATE_NAMES[s.state[span]]}</strong>
        {reason ? <span className="muted"> ({reason})</span> : null} for <strong data-testid="span-duration">{formatDuration(s.endNs[span] - s.startNs[span])}</strong>, from{' '}
        {formatDuration(s.startNs[span])} to {formatDuration(s.endNs[span])}
      </p>
      {waker && (
        <p data-testid="span-waker">
          Woken at {formatDuration(waker.atNs)} by{' '}
          {wakerRow >= 0 ? (
            <button type="button" className="tv-link" onClick={() => ctrl.select(wakerRow)}>
              G{waker.id} <span className="muted">{startFunctionOf(m, wakerRow)}</span>
            </button>
          ) : (
            `G${waker.id}`
          )}
        </p>
      )}
      {waker && waker.stack > 0 && (m.stacks.stacks[waker.stack]?.length ?? 0) > 0 && (
        <>
          <h4>Waker&apos;s stack</h4>
          <StackFrames frames={m.stacks.stacks[waker.stack]} testId="waker-stack" />
        </>
      )}
      {same.site !== '' && (
        <div data-testid="same-line">
          <h4>
            {same.rows.length === 0 ? 'No other goroutine blocked at this line' : `${same.rows.length.toLocaleString('en-US')} other goroutine${same.rows.length === 1 ? '' : 's'} blocked at this line`}
          </h4>
          <p className="tv-small muted mono">{same.site}</p>
          {same.rows.length > 0 && (
            <ul className="tv-same-line">
              {same.rows.slice(0, SAME_LINE_SHOWN).map(({ row, waits }) => (
                <li key={row}>
                  <button type="button" className="tv-link" onClick={() => ctrl.select(row)} data-goroutine-link={m.goroutines.id[row]}>
                    G{m.goroutines.id[row]} <span className="muted">{startFunctionOf(m, row)}</span>
                  </button>
                  {waits > 1 && <span className="muted"> · {waits} times</span>}
                </li>
              ))}
              {same.rows.length > SAME_LINE_SHOWN && <li className="muted">and {(same.rows.length - SAME_LINE_SHOWN).toLocaleString('en-US')} more</li>}
            </ul>
          )}
        </div>
      )}
      {stack && stack.length > 0 && (
        <>
          <h4>Stack at {formatDuration(s.startNs[span])}</h4>
          <StackFrames frames={stack} testId="span-stack" />
        </>
      )}
    </section>
  );
}

/** Time breakdown of the goroutine and of every goroutine with its start function (go tool trace's grouping). */
export function BreakdownSection({ ctrl, row, version }: { ctrl: TimelineController; row: number; version: number }) {
  const m = ctrl.model;
  // The whole trace, or the range on screen when asked (read once on click: panning must not
  // re-render the panel at every frame).
  const [range, setRange] = useState<{ a: number; b: number } | null>(null);
  const { mine, group } = useMemo(() => {
    const fn = m.goroutines.startFunc[row];
    const members: number[] = [];
    for (let r = 0; r < m.goroutines.count; r++) if (m.goroutines.startFunc[r] === fn) members.push(r);
    const a = range?.a ?? 0;
    const b = range?.b ?? m.durationNs;
    return { mine: timeBreakdown(m, ctrl.kinds, [row], a, b), group: members.length > 1 ? timeBreakdown(m, ctrl.kinds, members, a, b) : null };
    // `version` changes as the model grows while the trace streams in.
  }, [m, ctrl.kinds, row, version, range]);
  const useVisible = () => {
    const vp = ctrl.nav.store.getState().viewport;
    setRange({ a: Math.max(0, vp.startNs), b: Math.min(m.durationNs, vp.endNs) });
  };
  return (
    <section>
      <h3>Time breakdown</h3>
      <p className="tv-small muted tv-range-pick" data-testid="breakdown-range">
        {range ? `${formatDuration(range.a)} – ${formatDuration(range.b)} (the range on screen)` : 'The whole trace'} ·{' '}
        <button type="button" className="tv-link" onClick={useVisible} data-testid="breakdown-visible">
          {range ? 'update to the range on screen' : 'only the range on screen'}
        </button>
        {range && (
          <>
            {' · '}
            <button type="button" className="tv-link" onClick={() => setRange(null)}>
              whole trace
            </button>
          </>
        )}
      </p>
      <TimeBreakdown b={mine} testId="breakdown-goroutine" />
      {group && (
        <>
          <h4>
            All {group.goroutines.toLocaleString('en-US')} goroutines of <span className="mono">{startFunctionOf(m, row)}</span>
          </h4>
          <TimeBreakdown b={group} testId="breakdown-group" />
        </>
      )}
    </section>
  );
}
