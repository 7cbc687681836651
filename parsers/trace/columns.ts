// Append-only typed-array columns stored in fixed pages, so growth never copies (a doubling
// array peaks at 3x its final size while copying) and finishing can release page by page.
type TypedArray = Float64Array | Uint32Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

/** 64K rows per page: 512 KiB for a Float64 column, small enough to waste little at the end. */
export const PAGE_BITS = 16;
export const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

export class PagedColumn<T extends TypedArray> {
  pages: T[] = [];
  private cur: T;
  private fill = 0;
  length = 0;

  constructor(private readonly ctor: Ctor<T>) {
    this.cur = new ctor(PAGE_SIZE);
    this.pages.push(this.cur);
  }

  push(v: number): void {
    if (this.fill === PAGE_SIZE) {
      this.cur = new this.ctor(PAGE_SIZE);
      this.pages.push(this.cur);
      this.fill = 0;
    }
    this.cur[this.fill++] = v;
    this.length++;
  }

  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & PAGE_MASK];
  }

  /** Copies rows [from, to) into a new exact-size array. */
  slice(from: number, to: number): T {
    const out = new this.ctor(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new this.ctor(0);
    this.fill = PAGE_SIZE;
  }
}

/** A growable typed array for small tables (goroutines, samples): doubling, trimmed at the end. */
export class GrowableColumn<T extends TypedArray> {
  data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    initial = 256,
  ) {
    this.data = new ctor(initial);
  }
  push(v: number): number {
    if (this.length === this.data.length) this.grow();
    this.data[this.length] = v;
    return this.length++;
  }
  private grow(): void {
    const next = new this.ctor(this.data.length * 2);
    next.set(this.data as never);
    this.data = next;
  }
  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}
