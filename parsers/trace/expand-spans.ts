// The compact span store as flat SpanTable columns (grouped by goroutine, sorted by start): the
// layout the model had before the compact store, and the one the renderer rebuilds from the
// streamed chunks. For consumers that want random access by span index (tests comparing the two,
// tools); it costs the 41 bytes a span the compact store avoids, so the parse path never calls it.
import { GoroutineSpans } from '../model/span-store';
import type { ParsedTrace, SpanTable, TraceModel } from '../model/trace-model';

export function expandSpans(m: ParsedTrace): TraceModel {
  const G = m.goroutines;
  const total = m.spans.count;
  const wakerStack = new Uint32Array(total);
  const t: SpanTable = {
    count: total,
    goroutine: new Uint32Array(total),
    startNs: new Float64Array(total),
    endNs: new Float64Array(total),
    state: new Uint8Array(total),
    reason: new Uint32Array(total),
    stack: new Uint32Array(total),
    wakerId: new Float64Array(total),
    wakerStack,
  };
  const sc = new GoroutineSpans();
  let at = 0;
  for (let r = 0; r < G.count; r++) {
    const n = m.spans.read(r, sc);
    for (let k = 0; k < n; k++, at++) {
      t.goroutine[at] = r;
      t.startNs[at] = sc.startNs[k];
      t.endNs[at] = k + 1 < n ? sc.startNs[k + 1] : m.durationNs;
      t.state[at] = sc.state[k];
      t.reason[at] = sc.reason[k];
      t.stack[at] = sc.stack[k];
      t.wakerId[at] = sc.wakerId[k];
      wakerStack[at] = sc.wakerStack[k];
    }
  }
  return { ...m, spans: t };
}
