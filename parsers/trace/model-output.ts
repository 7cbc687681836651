// What both readers (v2 generations, v1 one merged stream) hand out from a ModelBuilder: the
// streaming chunk of spans and ended goroutines added since the previous chunk, and the final
// TraceModel.
import type { ParseError, ParseWarning } from '../model/errors';
import type { ParsedTrace, TraceChunk } from '../model/trace-model';
import type { WindowSpans } from './compact-spans';
import type { ModelBuilder } from './model-builder';

/** The spans since the previous chunk (in event order) and the goroutines that ended since. */
export function takeChunk(b: ModelBuilder, generation: number, bytesRead: number, bytesTotal: number): TraceChunk {
  b.spans.cut();
  const cuts = b.spans.cuts;
  b.spans.cuts = [];
  const sp = cuts.length === 1 ? cuts[0] : joinCuts(cuts);
  const goroutineId = new Float64Array(sp.count);
  for (let i = 0; i < sp.count; i++) goroutineId[i] = b.gId.data[sp.row[i]];
  const chunk: TraceChunk = {
    generation,
    bytesRead,
    bytesTotal,
    events: b.events,
    goroutinesSoFar: b.goroutineCount,
    strings: { strings: b.interner.strings },
    stacks: { stacks: b.interner.stacks },
    spans: { count: sp.count, goroutineId, startNs: sp.startNs, state: sp.state, reason: sp.reason, stack: sp.stack, wakerId: sp.wakerId, wakerStack: sp.wakerStack },
    ended: { goroutineId: Float64Array.from(b.endedIds), endNs: Float64Array.from(b.endedNs) },
  };
  b.endedIds = [];
  b.endedNs = [];
  return chunk;
}

/** Several cut windows (a generation larger than one window) as one. */
function joinCuts(cuts: readonly WindowSpans[]): WindowSpans {
  const count = cuts.reduce((n, c) => n + c.count, 0);
  const out = {
    count,
    row: new Uint32Array(count),
    startNs: new Float64Array(count),
    state: new Uint8Array(count),
    reason: new Uint32Array(count),
    stack: new Uint32Array(count),
    wakerId: new Float64Array(count),
    wakerStack: new Uint32Array(count),
  };
  let at = 0;
  for (const c of cuts) {
    out.row.set(c.row, at);
    out.startNs.set(c.startNs, at);
    out.state.set(c.state, at);
    out.reason.set(c.reason, at);
    out.stack.set(c.stack, at);
    out.wakerId.set(c.wakerId, at);
    out.wakerStack.set(c.wakerStack, at);
    at += c.count;
  }
  return out;
}

export interface ModelFacts {
  goVersion: string;
  bytes: number;
  generations: number;
  warnings: ParseWarning[];
  partial?: ParseError;
}

/** Finishes the builder into the model. */
export function finishModel(b: ModelBuilder, facts: ModelFacts): ParsedTrace {
  const durationNs = b.lastTime - b.origin;
  const { goroutines, spans } = b.finish();
  const aux = b.aux.finish(durationNs);
  const m = b.aux;
  return {
    format: 'go-trace',
    goVersion: facts.goVersion,
    bytes: facts.bytes,
    events: b.events,
    generations: facts.generations,
    originNs: b.origin,
    durationNs,
    strings: { strings: b.interner.strings },
    stacks: { stacks: b.interner.stacks },
    goroutines,
    spans,
    gc: m.gc,
    stw: m.stw,
    heap: { timeNs: m.heapT.trimmed(), bytes: m.heapV.trimmed() },
    heapGoal: { timeNs: m.goalT.trimmed(), bytes: m.goalV.trimmed() },
    gomaxprocs: { timeNs: m.procsT.trimmed(), value: m.procsV.trimmed() },
    procs: aux.procs,
    tasks: aux.tasks,
    regions: aux.regions,
    logs: m.logs,
    cpuSamples: aux.cpuSamples,
    wallClock: m.wallClock,
    warnings: facts.warnings,
    partial: facts.partial,
    ...(b.summary ? { goroutinesDropped: b.dropped } : {}),
  };
}
