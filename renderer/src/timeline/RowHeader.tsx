import { memo } from 'react';
import type { TimelineController } from './controller';
import { LeakIcon } from './LeakIcon';
import { splitForMiddleEllipsis } from './middle-ellipsis';
import type { RowGroup } from './rows';
import { startFunctionOf } from './rows';
import { finalKind, SPAN_KIND_LABELS, SpanKind } from './span-kind';

const kindCache = new Map<number, SpanKind>();

function shortFunc(f: string): string {
  // "github.com/acme/svc/internal/worker.(*Pool).run.func1" → "worker.(*Pool).run.func1"
  const slash = f.lastIndexOf('/');
  return slash >= 0 ? f.slice(slash + 1) : f;
}

/** The name with its head cut first (middle-ellipsis.ts); the full name is the row's tooltip. */
function MiddleEllipsis({ className, text }: { className: string; text: string }) {
  const [head, tail] = splitForMiddleEllipsis(text);
  return (
    <span className={`${className} tv-mid`} data-name={text}>
      <span className="tv-mid-head">{head}</span>
      <span className="tv-mid-tail">
        <span>{tail}</span>
      </span>
    </span>
  );
}

/** `version` changes when the model grows, so a memoised header picks up its row's new state. */
export const RowHeader = memo(function RowHeader({ ctrl, row, selected }: { ctrl: TimelineController; row: number; selected: boolean; version: number }) {
  const m = ctrl.model;
  const id = m.goroutines.id[row];
  const fn = startFunctionOf(m, row);
  const kind = finalKind(m, row, kindCache);
  const blocked = ctrl.blockedAtEnd(row);
  const conf = ctrl.leakOf(row);
  const ended = !Number.isNaN(m.goroutines.endNs[row]);
  return (
    <div
      className={`tv-rh${selected ? ' tv-rh-selected' : ''}${conf ? ' tv-rh-suspect' : ''}`}
      data-testid="goroutine-row"
      data-goroutine={id}
      data-leak={conf ?? (blocked ? 'blocked' : undefined)}
      onClick={() => ctrl.select(row)}
      title={`G${id} ${fn}`}
    >
      <span className="tv-rh-mark">{blocked || conf ? <LeakIcon confidence={conf} /> : null}</span>
      <span className="tv-rh-id">{id}</span>
      <MiddleEllipsis className="tv-rh-fn" text={shortFunc(fn)} />
      <span className={`tv-badge tv-k${ended ? 'done' : kind}`}>{ended ? 'exited' : SPAN_KIND_LABELS[kind]}</span>
    </div>
  );
});

export function GroupHeader({ ctrl, group }: { ctrl: TimelineController; group: RowGroup }) {
  return (
    <div className="tv-gh" data-testid="group-header" onClick={() => ctrl.toggleGroup(group.key)} title={group.label}>
      <span className={`tv-gh-caret${group.collapsed ? ' tv-gh-collapsed' : ''}`} aria-hidden="true">
        ▾
      </span>
      <MiddleEllipsis className="tv-gh-label" text={shortFunc(group.label)} />
      {group.suspects > 0 && <span className="tv-gh-suspects">{group.suspects} suspect{group.suspects > 1 ? 's' : ''}</span>}
      <span className="tv-gh-count">{group.members.length.toLocaleString('en-US')}</span>
    </div>
  );
}

export { SpanKind };
