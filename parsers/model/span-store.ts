// The parser's span table: state spans kept compact (~14 bytes a span instead of 41, see
// docs/span-encoding.md) and read one goroutine at a time. Every consumer of a parsed trace's
// spans (the leak analysis, tests) walks them per goroutine, so that is the only access path;
// `expandSpans` (parsers/trace) turns a store into the flat `SpanTable` columns when a consumer
// needs random access (the renderer builds its own from the streamed chunks).

/**
 * One goroutine's spans, decoded by `SpanStore.read` into reusable columns (valid below the
 * count `read` returned; the next `read` overwrites them). Same meaning as the SpanTable columns.
 */
export class GoroutineSpans {
  startNs = new Float64Array(64);
  state = new Uint8Array(64);
  reason = new Uint32Array(64);
  stack = new Uint32Array(64);
  /** Goroutine id that made this goroutine runnable, -1 when none / unknown. */
  wakerId = new Float64Array(64);
  /** The unblocker's stack at the GoUnblock that began this Runnable span, 0 when none. */
  wakerStack = new Uint32Array(64);

  /** Makes room for n spans (contents are not kept). */
  reserve(n: number): void {
    if (n <= this.startNs.length) return;
    let cap = this.startNs.length;
    while (cap < n) cap *= 2;
    this.startNs = new Float64Array(cap);
    this.state = new Uint8Array(cap);
    this.reason = new Uint32Array(cap);
    this.stack = new Uint32Array(cap);
    this.wakerId = new Float64Array(cap);
    this.wakerStack = new Uint32Array(cap);
  }
}

export interface SpanStore {
  /** Spans of all goroutines. */
  readonly count: number;
  /** Bytes the store holds (span columns, segment index, tables): for benchmarks and docs. */
  readonly bytes: number;
  /** Decodes goroutine `row`'s spans, sorted by start, into `out`; returns how many. */
  read(row: number, out: GoroutineSpans): number;
  /** Stack of goroutine `row`'s last span (0 when it has none). */
  lastStack(row: number): number;
}
