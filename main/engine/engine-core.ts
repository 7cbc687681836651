// One document's load: sniff, parse (streaming chunks for traces), analyse. Pure: no node:*, no
// electron, no DOM, so it runs in a worker_thread (Electron main, `leakline serve`) and in-process
// under vitest unchanged. Talks only through a CreditGate.
import { analyze } from '../../analysis/analyze';
import type { AnalysisInput } from '../../analysis/analyze';
import type { EngineError, EngineFormat, WireTraceChunk, WireTraceFinal } from '../../contract';
import type { ByteSource } from '../../parsers/model/byte-source';
import type { CancelSignal } from '../../parsers/model/cancel';
import { ParseError } from '../../parsers/model/errors';
import type { Frame } from '../../parsers/model/stack';
import type { GoroutineTable, ParsedTrace, TraceChunk } from '../../parsers/model/trace-model';
import { openInput } from '../../parsers/open-input';
import { type CreditGate, gatedSource, type Transfer } from './credit-gate';
import type { DocumentSession } from './session-core';

export function toEngineError(err: unknown, file: string): EngineError {
  if (err instanceof ParseError) return { code: err.code, message: err.message, offset: err.offset, offsetKind: err.offsetKind, file };
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
    return { code: 'io', message: `cannot read the file (${code})`, offset: -1, offsetKind: 'byte', file };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `internal error: ${message}`, offset: -1, offsetKind: 'byte', file };
}

/** Strings and stacks only grow; each message carries the ones the consumer has not seen. */
class TableDeltas {
  private strings = 0;
  private stacks = 0;
  take(strings: readonly string[], stacks: readonly (readonly Frame[])[]) {
    const d = {
      stringsFrom: this.strings,
      newStrings: strings.slice(this.strings),
      stacksFrom: this.stacks,
      newStacks: stacks.slice(this.stacks).map((s) => s.map((f) => ({ func: f.func, file: f.file, line: f.line }))),
    };
    this.strings = strings.length;
    this.stacks = stacks.length;
    return d;
  }
}

function wireChunk(c: TraceChunk, seq: number, deltas: TableDeltas): { chunk: WireTraceChunk; transfer: Transfer } {
  const s = c.spans;
  const chunk: WireTraceChunk = {
    seq,
    generation: c.generation,
    bytesRead: c.bytesRead,
    bytesTotal: c.bytesTotal,
    events: c.events,
    goroutinesSoFar: c.goroutinesSoFar,
    ...deltas.take(c.strings.strings, c.stacks.stacks),
    spans: { count: s.count, goroutineId: s.goroutineId, startNs: s.startNs, state: s.state, reason: s.reason, stack: s.stack, wakerId: s.wakerId, wakerStack: s.wakerStack },
    ended: { goroutineId: c.ended.goroutineId, endNs: c.ended.endNs },
  };
  // Every column is a fresh slice made for this chunk (parse-trace.ts emitChunk), so moving its
  // buffer away costs nothing and leaves the parser's own state intact.
  const transfer = [s.goroutineId, s.startNs, s.state, s.reason, s.stack, s.wakerId, s.wakerStack, c.ended.goroutineId, c.ended.endNs].map((a) => a.buffer as ArrayBuffer);
  return { chunk, transfer };
}

function copyGoroutines(g: GoroutineTable): GoroutineTable {
  return {
    count: g.count,
    id: g.id.slice(),
    parentId: g.parentId.slice(),
    createdNs: g.createdNs.slice(),
    creationStack: g.creationStack.slice(),
    startFunc: g.startFunc.slice(),
    endNs: g.endNs.slice(),
    finalState: g.finalState.slice(),
    finalReason: g.finalReason.slice(),
    finalStack: g.finalStack.slice(),
    finalSinceNs: g.finalSinceNs.slice(),
    firstSpan: g.firstSpan.slice(),
    spanCount: g.spanCount.slice(),
  };
}

function wireFinal(m: ParsedTrace, deltas: TableDeltas, file: string): { final: WireTraceFinal; transfer: Transfer } {
  // The span table stays here: the consumer rebuilt it from the chunks. The goroutine table is
  // copied (analysis still reads the original) and moved: ~90 bytes per goroutine.
  const goroutines = copyGoroutines(m.goroutines);
  const { strings, stacks, spans, goroutines: _g, partial, gc, stw, ...rest } = m;
  void _g;
  const final: WireTraceFinal = {
    ...rest,
    ...deltas.take(strings.strings, stacks.stacks),
    goroutines,
    spanCount: spans.count,
    gc: [...gc],
    stw: [...stw],
    ...(partial ? { partial: toEngineError(partial, file) } : {}),
  };
  const transfer = Object.values(goroutines)
    .filter((v): v is Float64Array | Uint32Array | Uint8Array => ArrayBuffer.isView(v))
    .map((a) => a.buffer as ArrayBuffer);
  return { final, transfer };
}

export interface EngineRunOptions {
  gate: CreditGate;
  signal: CancelSignal;
  /** false: a session without a viewer (a hunt or compare request came first): no chunks, no model messages. */
  stream?: boolean;
  /** Receives the model (or the load's failure): the document session answers from it. */
  session?: DocumentSession;
}

/** Runs one load to its end; every outcome (even a bug) ends in a `done` or `error` message. */
export async function runEngine(source: ByteSource, opts: EngineRunOptions): Promise<void> {
  const { gate, signal, session } = opts;
  const stream = opts.stream ?? true;
  const file = source.name;
  const fail = (err: unknown) => {
    session?.failed(err);
    gate.send({ type: 'error', error: toEngineError(err, file) });
  };
  try {
    const deltas = new TableDeltas();
    let seq = 0;
    const opened = await openInput(gatedSource(source, gate), {
      signal,
      onFormat: (format: EngineFormat) => gate.send({ type: 'start', file, format, bytesTotal: source.size }),
      ...(stream
        ? {
            onChunk: (c: TraceChunk) => {
              const { chunk, transfer } = wireChunk(c, seq++, deltas);
              gate.send({ type: 'trace-chunk', chunk }, transfer, 1);
              // The parser reads on only once this chunk has been delivered (credit permitting).
              return gate.whenDrained();
            },
          }
        : {}),
    });
    let input: AnalysisInput;
    let partial: EngineError | undefined;
    if (opened.kind === 'trace') {
      const trace = opened.trace;
      if (stream) {
        const { final, transfer } = wireFinal(trace, deltas, file);
        gate.send({ type: 'trace-final', final }, transfer);
      }
      input = { file, trace };
      if (trace.partial) partial = toEngineError(trace.partial, file);
    } else {
      const profile = opened.profile;
      // ParseError is a class: structured clone would keep only its message. Send plain data.
      const plain = profile.partial
        ? { ...profile, partial: { name: 'ParseError', code: profile.partial.code, message: profile.partial.message, offset: profile.partial.offset, offsetKind: profile.partial.offsetKind } }
        : profile;
      if (stream) gate.send({ type: 'profile', profile: plain as typeof profile });
      input = { file, profile };
      if (profile.partial) partial = toEngineError(profile.partial, file);
    }
    session?.loaded(input);
    const goroutines = 'trace' in input ? input.trace.goroutines.count : input.profile.kind === 'goroutines' ? input.profile.total : 0;
    gate.send({ type: 'progress', progress: { phase: 'analyse', bytesRead: source.size, bytesTotal: source.size, goroutinesSoFar: goroutines, generation: 0 } });
    let analysisError: EngineError | undefined;
    try {
      gate.send({ type: 'analysis', result: analyze([input]) });
    } catch (err) {
      // The model is still worth showing without verdicts.
      analysisError = toEngineError(err, file);
    }
    gate.send({ type: 'done', ...(partial ? { partial } : {}), ...(analysisError ? { analysisError } : {}) });
  } catch (err) {
    fail(signal.aborted && !(err instanceof ParseError && err.code !== 'cancelled') ? new ParseError('cancelled', 'loading was cancelled', -1) : err);
  }
}
