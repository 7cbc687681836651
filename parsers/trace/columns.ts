// Append-only typed-array columns for the builder's small tables (goroutine rows, samples,
// segments of the span store). The spans themselves: compact-spans.ts.
type TypedArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

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

  /** The rows in an exact-length array; the column is emptied (its buffer freed at once, so a
   * table finished column by column never holds two full copies). */
  take(): T {
    const out = this.trimmed();
    this.release();
    return out;
  }

  /** Drops the spare capacity (the column is complete). */
  trim(): void {
    if (this.data.length !== this.length) this.data = this.trimmed();
  }

  /** Frees the storage (the owner has moved the data elsewhere). */
  release(): void {
    this.data = new this.ctor(0);
    this.length = 0;
  }
}
