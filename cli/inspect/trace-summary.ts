// `leakline inspect` for execution traces: TraceModel → the documented JSON object, and → text.
// Pure (no I/O) so it is unit-tested on real traces.
import { traceFormatLabel } from '../../analysis/phrasing';
import { GoState } from '../../parsers/model/goroutine-state';
import type { TraceModel } from '../../parsers/model/trace-model';

export interface TraceSummary {
  file: string;
  format: 'go-trace';
  goVersion: string;
  bytes: number;
  events: number;
  generations: number;
  durationNs: number;
  /** false, or why parsing stopped early (everything before was read). */
  partial: false | { code: string; offset: number; message: string };
  warnings: string[];
  goroutines: {
    total: number;
    endedInTrace: number;
    aliveAtEnd: number;
    atEnd: { running: number; runnable: number; waiting: number; syscall: number };
    waitingAtEndByReason: Record<string, number>;
  };
}

export function summarizeTrace(file: string, m: TraceModel<unknown>): TraceSummary {
  const g = m.goroutines;
  const atEnd = { running: 0, runnable: 0, waiting: 0, syscall: 0 };
  const byReason: Record<string, number> = {};
  // A summary parse leaves goroutines that ended out of the table and only counts them.
  const dropped = m.goroutinesDropped ?? 0;
  let ended = dropped;
  for (let r = 0; r < g.count; r++) {
    switch (g.finalState[r]) {
      case GoState.NotExist:
        ended++;
        break;
      case GoState.Running:
        atEnd.running++;
        break;
      case GoState.Runnable:
        atEnd.runnable++;
        break;
      case GoState.Syscall:
        atEnd.syscall++;
        break;
      case GoState.Waiting: {
        atEnd.waiting++;
        // Goroutines already blocked when the trace began have no reason in the trace.
        const reason = m.strings.strings[g.finalReason[r]] || 'unknown';
        byReason[reason] = (byReason[reason] ?? 0) + 1;
        break;
      }
    }
  }
  const sorted: Record<string, number> = {};
  for (const k of Object.keys(byReason).sort((a, b) => byReason[b] - byReason[a] || a.localeCompare(b))) sorted[k] = byReason[k];
  return {
    file,
    format: 'go-trace',
    goVersion: m.goVersion,
    bytes: m.bytes,
    events: m.events,
    generations: m.generations,
    durationNs: m.durationNs,
    partial: m.partial ? { code: m.partial.code, offset: m.partial.offset, message: m.partial.message } : false,
    warnings: m.warnings.map((w) => w.message),
    goroutines: {
      total: g.count + dropped,
      endedInTrace: ended,
      aliveAtEnd: g.count + dropped - ended,
      atEnd,
      waitingAtEndByReason: sorted,
    },
  };
}

function fmtDuration(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(3)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(3)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns} ns`;
}

function fmtBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(1)} KiB`;
  return `${n} B`;
}

export function formatTraceSummary(s: TraceSummary): string {
  const g = s.goroutines;
  const lines = [
    `${s.file}: execution trace, ${traceFormatLabel(s.goVersion)}, ${fmtBytes(s.bytes)}, ${s.events.toLocaleString('en-US')} events in ${s.generations} generation${s.generations === 1 ? '' : 's'}, ${fmtDuration(s.durationNs)}`,
  ];
  if (s.partial) lines.push(`PARTIAL: stopped at byte ${s.partial.offset} (${s.partial.code}: ${s.partial.message}); everything before it is included`);
  for (const w of s.warnings) lines.push(`warning: ${w}`);
  lines.push(`goroutines: ${g.total} seen, ${g.endedInTrace} ended during the trace, ${g.aliveAtEnd} alive at the end`);
  lines.push(`  at end: ${g.atEnd.running} running, ${g.atEnd.runnable} runnable, ${g.atEnd.waiting} waiting, ${g.atEnd.syscall} in syscall`);
  const reasons = Object.entries(g.waitingAtEndByReason);
  if (reasons.length > 0) {
    lines.push('  waiting at end, by reason:');
    const w = Math.max(...reasons.map(([, n]) => String(n).length));
    for (const [r, n] of reasons) lines.push(`    ${String(n).padStart(w)}  ${r}`);
  }
  return lines.join('\n') + '\n';
}
