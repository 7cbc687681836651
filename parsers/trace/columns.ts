// Append-only typed-array columns stored in fixed pages, so growth never copies (a doubling
// array peaks at 3x its final size while copying) and finishing can release page by page.
type TypedArray = Float64Array | Uint32Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };
export type PagedColumn = PagedFloat64 | PagedUint32 | PagedUint8;

/** First page: 64 Ki rows (512 KiB of Float64), so small traces waste little. */
export const PAGE_SIZE = 1 << 16;
/** Largest page: 4 Mi rows (32 MiB of Float64, above glibc's largest mmap threshold). */
const MAX_PAGE = 1 << 22;

/**
 * Append-only column of Float64 values in pages that double from 64 Ki up to 4 Mi elements. One
 * class per element type on purpose: a generic class sees three typed-array kinds at the same
 * store and V8 deoptimises it to a megamorphic access (measured 3x slower on the span columns).
 * Large pages are mmap-backed, so releasing them after the final scatter returns the memory to
 * the OS instead of leaving it in the malloc heap.
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
    if (this.fill === this.cur.length) {
      this.cur = new Float64Array(Math.max(PAGE_SIZE, Math.min(this.cur.length * 2, MAX_PAGE)));
      this.pages.push(this.cur);
      this.fill = 0;
    }
    this.cur[this.fill++] = v;
    this.length++;
  }

  /** Copies rows [from, to) into a new exact-size array. */
  slice(from: number, to: number): Float64Array {
    const out = new Float64Array(Math.max(0, to - from));
    let base = 0;
    for (const page of this.pages) {
      const lo = Math.max(from, base);
      const hi = Math.min(to, base + page.length);
      if (lo < hi) out.set(page.subarray(lo - base, hi - base), lo - from);
      base += page.length;
      if (base >= to) break;
    }
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Float64Array(0);
    this.fill = 0;
  }
}

/**
 * Append-only column of Uint32 values in pages that double from 64 Ki up to 4 Mi elements. One
 * class per element type on purpose: a generic class sees three typed-array kinds at the same
 * store and V8 deoptimises it to a megamorphic access (measured 3x slower on the span columns).
 * Large pages are mmap-backed, so releasing them after the final scatter returns the memory to
 * the OS instead of leaving it in the malloc heap.
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
    if (this.fill === this.cur.length) {
      this.cur = new Uint32Array(Math.max(PAGE_SIZE, Math.min(this.cur.length * 2, MAX_PAGE)));
      this.pages.push(this.cur);
      this.fill = 0;
    }
    this.cur[this.fill++] = v;
    this.length++;
  }

  /** Copies rows [from, to) into a new exact-size array. */
  slice(from: number, to: number): Uint32Array {
    const out = new Uint32Array(Math.max(0, to - from));
    let base = 0;
    for (const page of this.pages) {
      const lo = Math.max(from, base);
      const hi = Math.min(to, base + page.length);
      if (lo < hi) out.set(page.subarray(lo - base, hi - base), lo - from);
      base += page.length;
      if (base >= to) break;
    }
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Uint32Array(0);
    this.fill = 0;
  }
}

/**
 * Append-only column of Uint8 values in pages that double from 64 Ki up to 4 Mi elements. One
 * class per element type on purpose: a generic class sees three typed-array kinds at the same
 * store and V8 deoptimises it to a megamorphic access (measured 3x slower on the span columns).
 * Large pages are mmap-backed, so releasing them after the final scatter returns the memory to
 * the OS instead of leaving it in the malloc heap.
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
    if (this.fill === this.cur.length) {
      this.cur = new Uint8Array(Math.max(PAGE_SIZE, Math.min(this.cur.length * 2, MAX_PAGE)));
      this.pages.push(this.cur);
      this.fill = 0;
    }
    this.cur[this.fill++] = v;
    this.length++;
  }

  /** Copies rows [from, to) into a new exact-size array. */
  slice(from: number, to: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, to - from));
    let base = 0;
    for (const page of this.pages) {
      const lo = Math.max(from, base);
      const hi = Math.min(to, base + page.length);
      if (lo < hi) out.set(page.subarray(lo - base, hi - base), lo - from);
      base += page.length;
      if (base >= to) break;
    }
    return out;
  }

  /** Drops all pages (after their content has been moved elsewhere). */
  release(): void {
    this.pages = [];
    this.cur = new Uint8Array(0);
    this.fill = 0;
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
