// parseTrace for the v1 format (Go 1.11–1.21): the same ModelBuilder and TraceModel as the 1.22+
// reader, fed by V1Stream. There are no generations (the model reports one, as Go's reader treats
// a v1 trace as one generation), so streaming chunks are cut by size instead: one each time
// CHUNK_SPANS new spans exist, and always one at the end.
import type { ByteSource } from '../../model/byte-source';
import { ParseError } from '../../model/errors';
import type { ParsedTrace } from '../../model/trace-model';
import { Step } from '../event-stream';
import { ModelBuilder } from '../model-builder';
import { finishModel, takeChunk } from '../model-output';
import type { ParseTraceOptions } from '../parse-trace';
import { V1Stream } from './v1-stream';

/** Spans per streaming chunk (~5 MB of columns): a few dozen chunks for a 200 MB trace. */
export const CHUNK_SPANS = 1 << 17;

function asParseError(e: unknown, offset: number): ParseError {
  if (e instanceof ParseError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new ParseError('corrupt', `internal error while reading the trace: ${msg}`, offset);
}

export async function parseTraceV1(source: ByteSource, version: number, options: ParseTraceOptions = {}): Promise<ParsedTrace> {
  if (source.size <= 16) throw new ParseError('truncated', 'the trace ends right after its header', source.size);
  const stream = new V1Stream(source, version, options.signal);
  await stream.open();
  const b = new ModelBuilder();
  b.onTransition = options.onTransition;
  b.trackEnded = options.onChunk !== undefined;
  b.spans.keepCuts = options.onChunk !== undefined;
  b.summary = options.summary === true && !options.onChunk;
  // A v1 P's first ProcStart becomes a ProcStatus at the moment it happened, not at trace start.
  b.aux.statusAtEventTime = true;
  let partial: ParseError | undefined;
  let chunkSpan = 0;
  const every = options.chunkSpans ?? CHUNK_SPANS;
  const emitChunk = (final: boolean): void | Promise<void> => {
    if (!options.onChunk) return;
    const from = chunkSpan;
    if (!final && b.spans.count - from < every) return;
    chunkSpan = b.spans.count;
    return options.onChunk(takeChunk(b, 1, final ? source.size : stream.mergedBytes, source.size));
  };
  try {
    for (;;) {
      const st = stream.step();
      if (st === Step.Event) {
        b.event(stream.event);
        if (b.spans.count - chunkSpan >= every && options.onChunk) {
          await emitChunk(false);
          if (options.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', stream.mergedBytes);
        }
        continue;
      }
      if (st === Step.Done) break;
      if (options.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', stream.mergedBytes);
      await stream.loadNext();
    }
  } catch (e) {
    // Cancelled too: what was read stays (parse-trace.ts).
    partial = asParseError(e, stream.mergedBytes);
  }
  if (b.origin !== b.origin) throw partial ?? new ParseError('truncated', 'the trace contains no events', stream.ix.dataEnd);
  // v1 names the entry function of every goroutine alive when tracing started (a GoCreate with its
  // start PC); Go's reader drops those events, the model keeps the name (creation stays unknown).
  const gen = stream.tablesGen;
  for (const [g, stk] of stream.preTraceStarts) b.setStartFrom(g, b.interner.stack(gen, stk));
  await emitChunk(true);
  return finishModel(b, { goVersion: `1.${version}`, bytes: source.size, generations: 1, warnings: [], partial });
}
