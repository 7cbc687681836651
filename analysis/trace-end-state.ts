// A trace's end state as a goroutine profile: the goroutines still alive when the trace stopped,
// grouped by where they last blocked, so a trace compares against a debug=0/1/2 snapshot taken
// at about the same moment (the compare view's "profile vs trace" case, issue 9).
import { GoState, stackSignature, type CreatedBy, type Frame, type GoroutineGroup, type GoroutineProfile, type TraceModel } from '../parsers/model';
import { creationFrame } from './frames';

const STATE_WORDS: Record<number, string> = {
  [GoState.Runnable]: 'runnable',
  [GoState.Running]: 'running',
  [GoState.Syscall]: 'syscall',
  [GoState.Waiting]: 'waiting',
};

interface Acc {
  stack: readonly Frame[];
  state: string;
  ids: number[];
  minMin: number;
  maxMin: number;
  createdBy?: CreatedBy;
}

export function traceEndState(t: TraceModel<unknown>): GoroutineProfile {
  const g = t.goroutines;
  const byKey = new Map<string, Acc>();
  let total = 0;
  for (let r = 0; r < g.count; r++) {
    const st = g.finalState[r];
    if (st === GoState.NotExist) continue;
    // Goroutine profiles leave out the runtime's own goroutines (runtime.isSystemGoroutine:
    // entry function in package runtime, except runtime.main); so does this view.
    const entry = t.strings.strings[g.startFunc[r]] ?? '';
    if (entry.startsWith('runtime.') && entry !== 'runtime.main') continue;
    total++;
    let stack: readonly Frame[] = t.stacks.stacks[g.finalStack[r]] ?? [];
    // A goroutine that never transitioned inside the trace has no stack: name it by its entry.
    if (stack.length === 0 && g.startFunc[r] !== 0) stack = [{ func: t.strings.strings[g.startFunc[r]], file: '', line: 0 }];
    const reason = st === GoState.Waiting && g.finalReason[r] !== 0 ? t.strings.strings[g.finalReason[r]] : (STATE_WORDS[st] ?? 'unknown');
    const key = `${reason}\n${stackSignature(stack)}`;
    let acc = byKey.get(key);
    if (!acc) {
      const cf = creationFrame(t.stacks.stacks[g.creationStack[r]] ?? []);
      acc = { stack, state: reason, ids: [], minMin: Infinity, maxMin: -Infinity, createdBy: cf ? { func: cf.func, file: cf.file, line: cf.line } : undefined };
      byKey.set(key, acc);
    }
    acc.ids.push(g.id[r]);
    // Like debug=2's "N minutes": whole minutes blocked, only for waits of at least one minute.
    const since = g.finalSinceNs[r];
    if (st === GoState.Waiting && Number.isFinite(since)) {
      const minutes = Math.floor((t.durationNs - since) / 60e9);
      acc.minMin = Math.min(acc.minMin, minutes);
      acc.maxMin = Math.max(acc.maxMin, minutes);
    }
  }
  const groups: GoroutineGroup[] = [...byKey].map(([key, a]) => ({
    signature: key,
    count: a.ids.length,
    stack: a.stack,
    state: a.state,
    ids: a.ids.sort((x, y) => x - y),
    ...(a.maxMin >= 1 ? { waitMinutes: { min: Math.max(0, a.minMin), max: a.maxMin } } : {}),
    ...(a.createdBy ? { createdBy: a.createdBy } : {}),
  }));
  groups.sort((a, b) => b.count - a.count);
  return {
    kind: 'goroutines',
    format: 'trace-end-state',
    profileType: 'goroutine',
    goVersion: t.goVersion,
    total,
    groups,
    warnings: t.warnings,
    ...(t.partial ? { partial: t.partial } : {}),
  };
}
