// What both readers (v2 generations, v1 one merged stream) hand out from a ModelBuilder: the
// streaming chunk of spans and ended goroutines added since the previous chunk, and the final
// TraceModel.
import type { ParseError, ParseWarning } from '../model/errors';
import type { TraceChunk, TraceModel } from '../model/trace-model';
import { slicePages } from './columns';
import type { ModelBuilder } from './model-builder';

/** The chunk of spans [from, b.spans.length) and the goroutines that ended since the last chunk. */
export function takeChunk(b: ModelBuilder, from: number, generation: number, bytesRead: number, bytesTotal: number): TraceChunk {
  const to = b.spans.length;
  const sp = b.spans;
  const rows = slicePages(Uint32Array, sp.row, from, to);
  const goroutineId = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) goroutineId[i] = b.gId.data[rows[i]];
  const chunk: TraceChunk = {
    generation,
    bytesRead,
    bytesTotal,
    events: b.events,
    goroutinesSoFar: b.goroutineCount,
    strings: { strings: b.interner.strings },
    stacks: { stacks: b.interner.stacks },
    spans: {
      count: rows.length,
      goroutineId,
      startNs: slicePages(Float64Array, sp.start, from, to),
      state: slicePages(Uint8Array, sp.state, from, to),
      reason: slicePages(Uint32Array, sp.reason, from, to),
      stack: slicePages(Uint32Array, sp.stack, from, to),
      wakerId: slicePages(Float64Array, sp.waker, from, to),
      wakerStack: slicePages(Uint32Array, sp.wakerStack, from, to),
    },
    ended: { goroutineId: Float64Array.from(b.endedIds), endNs: Float64Array.from(b.endedNs) },
  };
  b.endedIds = [];
  b.endedNs = [];
  return chunk;
}

export interface ModelFacts {
  goVersion: string;
  bytes: number;
  generations: number;
  warnings: ParseWarning[];
  partial?: ParseError;
}

/** Finishes the builder (groups spans by goroutine) into the TraceModel. */
export function finishModel(b: ModelBuilder, facts: ModelFacts): TraceModel {
  const durationNs = b.lastTime - b.origin;
  const { goroutines, spans } = b.finish(durationNs);
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
  };
}
