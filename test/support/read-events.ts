// Drives an EventStream over a whole trace: the open / step / loadNext loop every low-level trace
// test and debugging tool needs (the parser's own loop in parse-trace.ts stays separate: it is
// the hot path and interleaves model building).
import type { ByteSource } from '../../parsers/model/byte-source';
import { EventStream, Step } from '../../parsers/trace/event-stream';
import type { TraceEvent } from '../../parsers/trace/event';

/** Calls `onEvent` for every reader event in order; resolves with the count, rejects on a ParseError. */
export async function readEvents(source: ByteSource, onEvent: (e: TraceEvent) => void): Promise<number> {
  const s = new EventStream(source);
  await s.open();
  let n = 0;
  for (;;) {
    const st = s.step();
    if (st === Step.NeedGeneration) await s.loadNext();
    else if (st === Step.Done) return n;
    else {
      n++;
      onEvent(s.event);
    }
  }
}
