// Append-only typed-array columns. Span columns live in pages that double up to 4 Mi rows, so
// growth never copies (a doubling array peaks at 3x its final size while copying), the final
// scatter can drop page by page, and large pages are mmap-backed (returned to the OS when freed).
type TypedArray = Float64Array | Uint32Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

/** First page: 64 Ki rows (512 KiB of Float64), so small traces waste little. */
export const PAGE_SIZE = 1 << 16;
/** Largest page: 4 Mi rows (32 MiB of Float64, above glibc's largest mmap threshold). */
const MAX_PAGE = 1 << 22;

/**
 * A growable typed array: doubling growth (amortised one copy per element). Used for the
 * builder's small tables (goroutines, samples) and by the renderer's stream accumulator, whose
 * snapshots take `view()`s: exact-length subarrays of the same buffer, so a snapshot costs no copy
 * and stays valid (rows below `length` never change).
 */
export class GrowableColumn<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    initial = 256,
  ) {
    this.data = new ctor(initial);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let cap = Math.max(1, this.data.length * 2);
    while (cap < this.length + n) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  push(v: number): number {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length] = v;
    return this.length++;
  }

  append(values: ArrayLike<number>): void {
    this.reserve(values.length);
    (this.data as unknown as { set(a: ArrayLike<number>, o: number): void }).set(values, this.length);
    this.length += values.length;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** The rows so far, without copying. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }

  /** The rows so far, copied into an exact-length array (the builder's final tables). */
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }

  /** Frees the storage (the owner has moved the data elsewhere). */
  release(): void {
    this.data = new this.ctor(0);
    this.length = 0;
  }
}

/**
 * The span columns of the model builder, appended together: one capacity check and one counter
 * per span instead of one per column (seven pushes per span were a third of the build time).
 * Pages double from 64 Ki to 4 Mi rows like the Paged* columns.
 */
export class SpanPages {
  readonly row: Uint32Array[] = [];
  readonly start: Float64Array[] = [];
  readonly state: Uint8Array[] = [];
  readonly reason: Uint32Array[] = [];
  readonly stack: Uint32Array[] = [];
  readonly waker: Float64Array[] = [];
  readonly wakerStack: Uint32Array[] = [];
  private cRow = new Uint32Array(0);
  private cStart = new Float64Array(0);
  private cState = new Uint8Array(0);
  private cReason = new Uint32Array(0);
  private cStack = new Uint32Array(0);
  private cWaker = new Float64Array(0);
  private cWakerStack = new Uint32Array(0);
  private fill = 0;
  private cap = 0;
  length = 0;

  private addPage(): void {
    const n = this.cap === 0 ? PAGE_SIZE : Math.min(this.cap * 2, MAX_PAGE);
    this.row.push((this.cRow = new Uint32Array(n)));
    this.start.push((this.cStart = new Float64Array(n)));
    this.state.push((this.cState = new Uint8Array(n)));
    this.reason.push((this.cReason = new Uint32Array(n)));
    this.stack.push((this.cStack = new Uint32Array(n)));
    this.waker.push((this.cWaker = new Float64Array(n)));
    this.wakerStack.push((this.cWakerStack = new Uint32Array(n)));
    this.cap = n;
    this.fill = 0;
  }

  /** Drops the references to the current pages (the page lists are emptied by the consumer). */
  releaseCurrent(): void {
    this.cRow = new Uint32Array(0);
    this.cStart = new Float64Array(0);
    this.cState = new Uint8Array(0);
    this.cReason = new Uint32Array(0);
    this.cStack = new Uint32Array(0);
    this.cWaker = new Float64Array(0);
    this.cWakerStack = new Uint32Array(0);
    this.fill = this.cap = 0;
  }

  push(row: number, start: number, state: number, reason: number, stack: number, waker: number, wakerStack: number): void {
    if (this.fill === this.cap) this.addPage();
    const i = this.fill++;
    this.cRow[i] = row;
    this.cStart[i] = start;
    this.cState[i] = state;
    this.cReason[i] = reason;
    this.cStack[i] = stack;
    this.cWaker[i] = waker;
    this.cWakerStack[i] = wakerStack;
    this.length++;
  }
}

/** Copies rows [from, to) of a paged column into a new exact-size array (`set` is native, so one generic copy serves every element type). */
export function slicePages<T extends TypedArray>(ctor: Ctor<T>, pages: readonly T[], from: number, to: number): T {
  const out = new ctor(Math.max(0, to - from));
  let base = 0;
  for (const page of pages) {
    const lo = Math.max(from, base);
    const hi = Math.min(to, base + page.length);
    if (lo < hi) out.set(page.subarray(lo - base, hi - base) as never, lo - from);
    base += page.length;
    if (base >= to) break;
  }
  return out;
}
