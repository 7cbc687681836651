// Spans in arrival (event) order → the SpanTable grouped by goroutine row, spans of a row in
// event order, each ending where the next of its row begins (the last at the trace end). Shared
// by the parser's ModelBuilder.finish and the renderer's stream accumulator, so a streamed model
// is grouped by exactly the parser's rule.
import type { SpanTable } from '../model/trace-model';

/** Arrival-order span columns, in pages (one page is fine); pages are dropped as they are read. */
export interface ArrivalSpans {
  row: Uint32Array[];
  start: Float64Array[];
  state: Uint8Array[];
  reason: Uint32Array[];
  stack: Uint32Array[];
  waker: Float64Array[];
  wakerStack: Uint32Array[];
}

/** `counts[r]`: spans of row r (their sum is the span total). Returns the table and each row's first span. */
export function groupSpans(cols: ArrivalSpans, counts: Uint32Array, endNs: number): { spans: SpanTable; first: Uint32Array } {
  const n = counts.length;
  const first = new Uint32Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    first[r] = total;
    total += counts[r];
  }
  // Destination index of every span: rows in order, spans of a row in event order.
  const cursor = first.slice();
  const dest = new Uint32Array(total);
  let i = 0;
  for (const page of cols.row) {
    const n2 = Math.min(page.length, total - i);
    for (let j = 0; j < n2; j++) dest[i++] = cursor[page[j]]++;
  }
  // One monomorphic loop per element type (a generic closure here cost 4x in V8).
  const goroutine = scatterU32(cols.row, dest, total);
  const startNs = scatterF64(cols.start, dest, total);
  const state = scatterU8(cols.state, dest, total);
  const reason = scatterU32(cols.reason, dest, total);
  const stack = scatterU32(cols.stack, dest, total);
  const wakerId = scatterF64(cols.waker, dest, total);
  const wakerStack = scatterU32(cols.wakerStack, dest, total);
  const endCol = new Float64Array(total);
  for (let k = 0; k + 1 < total; k++) endCol[k] = goroutine[k + 1] === goroutine[k] ? startNs[k + 1] : endNs;
  if (total > 0) endCol[total - 1] = endNs;
  return { spans: { count: total, goroutine, startNs, endNs: endCol, state, reason, stack, wakerId, wakerStack }, first };
}

/** Scatters a paged column into its final order and drops the pages as it goes. */
function scatterF64(pages: Float64Array[], dest: Uint32Array, total: number): Float64Array {
  const out = new Float64Array(total);
  let i = 0;
  while (pages.length > 0) {
    const page = pages.shift()!;
    const n = Math.min(page.length, total - i);
    for (let j = 0; j < n; j++) out[dest[i++]] = page[j];
  }
  return out;
}

/** Scatters a paged column into its final order and drops the pages as it goes. */
function scatterU32(pages: Uint32Array[], dest: Uint32Array, total: number): Uint32Array {
  const out = new Uint32Array(total);
  let i = 0;
  while (pages.length > 0) {
    const page = pages.shift()!;
    const n = Math.min(page.length, total - i);
    for (let j = 0; j < n; j++) out[dest[i++]] = page[j];
  }
  return out;
}

/** Scatters a paged column into its final order and drops the pages as it goes. */
function scatterU8(pages: Uint8Array[], dest: Uint32Array, total: number): Uint8Array {
  const out = new Uint8Array(total);
  let i = 0;
  while (pages.length > 0) {
    const page = pages.shift()!;
    const n = Math.min(page.length, total - i);
    for (let j = 0; j < n; j++) out[dest[i++]] = page[j];
  }
  return out;
}
