// Append-only typed-array columns for the renderer's accumulators: doubling growth (amortised one
// copy per element), views handed out in snapshots are exact-length subarrays of the same
// buffer, so a snapshot costs no copy and stays valid (rows below `length` never change).
type TypedArray = Float64Array | Uint32Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

export class GrowColumn<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    initial = 1024,
  ) {
    this.data = new ctor(initial);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(v: number): number {
    this.reserve(1);
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

  /** Frees the storage (the owner has moved the data elsewhere). */
  release(): void {
    this.data = new this.ctor(0);
    this.length = 0;
  }

  /** The rows so far, without copying. */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
