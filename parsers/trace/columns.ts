// Append-only typed-array columns stored in fixed pages, so growth never copies (a doubling
// array peaks at 3x its final size while copying) and finishing can release page by page.
type TypedArray = Float64Array | Uint32Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };
export type PagedColumn = PagedFloat64 | PagedUint32 | PagedUint8;

/** 64K rows per page: 512 KiB for a Float64 column, small enough to waste little at the end. */
export const PAGE_BITS = 16;
export const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/**
 * Append-only column of Float64 values in fixed pages. One class per element type on purpose: a
 * single generic class sees three typed-array kinds at the same store and V8 then deoptimises
 * it to a megamorphic access (measured 3x slower on the span columns).
 */
export class PagedFloat64 {
  pages: Float64Array[] = [];
  private cur: Float64Array;
  private fill = 0;
  length = 0;

  constructor() {
    this.cur = new Float64Array(PAGE_SIZE);
    this.pages.push(this.cur);
  }

  push(v: number): void {
    if (this.fill === PAGE_SIZE) {
      this.cur = new Float64Array(PAGE_SIZE);
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
  slice(from: number, to: number): Float64Array {
    const out = new Float64Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Float64Array(0);
    this.fill = PAGE_SIZE;
  }
}

/**
 * Append-only column of Uint32 values in fixed pages. One class per element type on purpose: a
 * single generic class sees three typed-array kinds at the same store and V8 then deoptimises
 * it to a megamorphic access (measured 3x slower on the span columns).
 */
export class PagedUint32 {
  pages: Uint32Array[] = [];
  private cur: Uint32Array;
  private fill = 0;
  length = 0;

  constructor() {
    this.cur = new Uint32Array(PAGE_SIZE);
    this.pages.push(this.cur);
  }

  push(v: number): void {
    if (this.fill === PAGE_SIZE) {
      this.cur = new Uint32Array(PAGE_SIZE);
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
  slice(from: number, to: number): Uint32Array {
    const out = new Uint32Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Uint32Array(0);
    this.fill = PAGE_SIZE;
  }
}

/**
 * Append-only column of Uint8 values in fixed pages. One class per element type on purpose: a
 * single generic class sees three typed-array kinds at the same store and V8 then deoptimises
 * it to a megamorphic access (measured 3x slower on the span columns).
 */
export class PagedUint8 {
  pages: Uint8Array[] = [];
  private cur: Uint8Array;
  private fill = 0;
  length = 0;

  constructor() {
    this.cur = new Uint8Array(PAGE_SIZE);
    this.pages.push(this.cur);
  }

  push(v: number): void {
    if (this.fill === PAGE_SIZE) {
      this.cur = new Uint8Array(PAGE_SIZE);
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
  slice(from: number, to: number): Uint8Array {
    const out = new Uint8Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Uint8Array(0);
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
