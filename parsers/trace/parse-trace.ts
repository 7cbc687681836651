// parseTrace: ByteSource → TraceModel, generation by generation. Errors after the header become
// a partial model (`partial` set, everything read before the error kept); only a file with no
// usable generation throws.
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { TraceChunk, TraceModel } from '../model/trace-model';
import { EventStream, Step } from './event-stream';
import { slicePages } from './columns';
import { type GoroutineTransitionRecord, ModelBuilder } from './model-builder';

export interface ParseTraceOptions {
  /**
   * Called after each generation with what it added (spans, ended goroutines, progress). When it
   * returns a promise, parsing waits for it before reading on: the engine's back-pressure.
   */
  onChunk?(chunk: TraceChunk): void | Promise<void>;
  signal?: AbortSignal;
  /**
   * Called for every goroutine state transition in reader order (differential tests, debugging).
   * Costs one object per transition, so the normal model build leaves it unset.
   */
  onTransition?(t: GoroutineTransitionRecord): void;
}

function asParseError(e: unknown, offset: number): ParseError {
  if (e instanceof ParseError) return e;
  // A bug or an exotic input we did not foresee must still end as a typed error, not a crash.
  const msg = e instanceof Error ? e.message : String(e);
  return new ParseError('corrupt', `internal error while reading the trace: ${msg}`, offset);
}

export async function parseTrace(source: ByteSource, options: ParseTraceOptions = {}): Promise<TraceModel> {
  const stream = new EventStream(source, options.signal);
  await stream.open();
  if (source.size <= 16) throw new ParseError('truncated', 'the trace ends right after its header', source.size);
  const b = new ModelBuilder();
  b.onTransition = options.onTransition;
  b.trackEnded = options.onChunk !== undefined;
  let partial: ParseError | undefined;
  let experimental = 0;
  let chunkSpan = 0;
  let chunkGen = 0;
  const emitChunk = (): void | Promise<void> => {
    if (!options.onChunk || stream.generations === 0) return;
    const from = chunkSpan;
    const to = b.spans.length;
    // After the last generation the loop and the final flush both get here: one chunk per generation.
    if (chunkGen === stream.generations && to === from && b.endedIds.length === 0) return;
    chunkGen = stream.generations;
    chunkSpan = to;
    const sp = b.spans;
    const rows = slicePages(Uint32Array, sp.row, from, to);
    const goroutineId = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) goroutineId[i] = b.gId.data[rows[i]];
    const waited = options.onChunk({
      generation: stream.generations,
      bytesRead: stream.bytesRead,
      bytesTotal: source.size,
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
      },
      ended: { goroutineId: Float64Array.from(b.endedIds), endNs: Float64Array.from(b.endedNs) },
    });
    b.endedIds = [];
    b.endedNs = [];
    return waited;
  };
  try {
    for (;;) {
      const st = stream.step();
      if (st === Step.Event) {
        b.event(stream.event);
        continue;
      }
      if (st === Step.Done) break;
      await emitChunk();
      if (options.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', stream.bytesRead);
      await stream.loadNext();
      const g = stream.gen;
      if (g) experimental += g.experimentalBatches;
      if (g && g.clock && !b.aux.wallClock) b.aux.wallClock = { traceNs: Math.trunc(g.clock.trace * g.freq), unixSec: g.clock.sec, unixNsec: g.clock.nsec };
    }
  } catch (e) {
    const err = asParseError(e, stream.bytesRead);
    if (err.code === 'cancelled') throw err;
    partial = err;
  }
  if (stream.generations === 0 || b.origin !== b.origin) {
    throw partial ?? new ParseError('truncated', 'the trace contains no complete generation', stream.bytesRead);
  }
  await emitChunk();
  const durationNs = b.lastTime - b.origin;
  const { goroutines, spans } = b.finish(durationNs);
  const aux = b.aux.finish(durationNs);
  const m = b.aux;
  return {
    format: 'go-trace',
    goVersion: `1.${stream.version}`,
    bytes: source.size,
    events: b.events,
    generations: stream.generations,
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
    warnings:
      experimental > 0
        ? [{ code: 'experimental-skipped', message: `${experimental} experimental batches (GODEBUG=traceallocfree) skipped; their events are not modelled` }]
        : [],
    partial,
  };
}
