// parseTrace: ByteSource → TraceModel, generation by generation (v1 traces: v1/parse-v1.ts). Errors after the header become
// a partial model (`partial` set, everything read before the error kept), and so does
// cancellation (`partial.code` 'cancelled': the user stopped a load and looks at what was read);
// only a file with no usable generation throws.
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { ParsedTrace, TraceChunk } from '../model/trace-model';
import { EventStream, Step } from './event-stream';
import { HEADER_SIZE, isV1Version, readHeader } from './header';
import { finishModel, takeChunk } from './model-output';
import { type GoroutineTransitionRecord, ModelBuilder } from './model-builder';
import { parseTraceV1 } from './v1/parse-v1';
import type { CancelSignal } from '../model/cancel';

export interface ParseTraceOptions {
  /**
   * Called after each generation with what it added (spans, ended goroutines, progress). When it
   * returns a promise, parsing waits for it before reading on: the engine's back-pressure.
   */
  onChunk?(chunk: TraceChunk): void | Promise<void>;
  signal?: CancelSignal;
  /**
   * Called for every goroutine state transition in reader order (differential tests, debugging).
   * Costs one object per transition, so the normal model build leaves it unset.
   */
  onTransition?(t: GoroutineTransitionRecord): void;
  /**
   * v1 traces (Go 1.11–1.21) have no generations to cut chunks at: a chunk goes out whenever this
   * many new spans exist (default CHUNK_SPANS, 131,072), and one at the end.
   */
  chunkSpans?: number;
  /**
   * A summary parse, for callers that read only goroutine end states (`leakline inspect`): no
   * spans are kept (the store stays empty, spanCount 0) and goroutines that end during the trace
   * are left out of the goroutine table, only counted (`goroutinesDropped`), so memory follows
   * the goroutines alive at once. Not for streaming (chunks would name dropped rows).
   */
  summary?: boolean;
}

/** ~10 ms of events at the parser's speed: cancel stops well within 200 ms. */
const CANCEL_CHECK_EVENTS = 16_384;

function asParseError(e: unknown, offset: number): ParseError {
  if (e instanceof ParseError) return e;
  // A bug or an exotic input we did not foresee must still end as a typed error, not a crash.
  const msg = e instanceof Error ? e.message : String(e);
  return new ParseError('corrupt', `internal error while reading the trace: ${msg}`, offset);
}

export async function parseTrace(source: ByteSource, options: ParseTraceOptions = {}): Promise<ParsedTrace> {
  // Go 1.11–1.21 traces (one merged stream, no generations) have their own reader in v1/.
  const version = readHeader((await source.read(0, HEADER_SIZE)).slice());
  if (isV1Version(version)) return parseTraceV1(source, version, options);
  const stream = new EventStream(source, options.signal);
  await stream.open();
  if (source.size <= 16) throw new ParseError('truncated', 'the trace ends right after its header', source.size);
  const b = new ModelBuilder();
  b.onTransition = options.onTransition;
  b.trackEnded = options.onChunk !== undefined;
  b.spans.keepCuts = options.onChunk !== undefined;
  b.summary = options.summary === true && !options.onChunk;
  let partial: ParseError | undefined;
  let experimental = 0;
  let chunkSpan = 0;
  let chunkGen = 0;
  const emitChunk = (): void | Promise<void> => {
    if (!options.onChunk || stream.generations === 0) return;
    const from = chunkSpan;
    // After the last generation the loop and the final flush both get here: one chunk per generation.
    if (chunkGen === stream.generations && b.spans.count === from && b.endedIds.length === 0) return;
    chunkGen = stream.generations;
    chunkSpan = b.spans.count;
    return options.onChunk(takeChunk(b, stream.generations, stream.bytesRead, source.size));
  };
  let sinceCheck = 0;
  try {
    for (;;) {
      const st = stream.step();
      if (st === Step.Event) {
        b.event(stream.event);
        // A generation of a big trace is seconds of synchronous work: cancel must not wait for it.
        if (++sinceCheck === CANCEL_CHECK_EVENTS) {
          sinceCheck = 0;
          if (options.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', stream.bytesRead);
        }
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
    partial = asParseError(e, stream.bytesRead);
  }
  if (stream.generations === 0 || b.origin !== b.origin) {
    // Go writes a generation's stacks and strings at its end, so events of an unfinished first
    // generation cannot be named: say so, instead of only the low-level reason.
    if (partial && partial.code !== 'corrupt')
      throw new ParseError(partial.code, `the trace breaks off inside its first generation, whose stacks and names Go writes at its end, so nothing in it can be read (${partial.message})`, partial.offset, partial.offsetKind);
    throw partial ?? new ParseError('truncated', 'the trace contains no complete generation', stream.bytesRead);
  }
  await emitChunk();
  return finishModel(b, {
    goVersion: `1.${stream.version}`,
    bytes: source.size,
    generations: stream.generations,
    warnings:
      experimental > 0
        ? [{ code: 'experimental-skipped', message: `${experimental} experimental batches (GODEBUG=traceallocfree) skipped; their events are not modelled` }]
        : [],
    partial,
  });
}
