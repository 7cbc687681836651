// Rows of per-goroutine state that live only as long as the goroutine: the merge and the checks
// keep a few bytes per goroutine, and a v1 trace of a busy program creates millions of goroutines
// over its length (4.5 M in a 200 MB fan-out trace) but has only thousands alive at once. A row is
// freed when its goroutine ends (goroutine ids are never reused by the runtime) and reused by the
// next one, so this state follows the live goroutines, not the file size.
import { NumIndex } from '../num-map';

export class LiveRows {
  private readonly index = new NumIndex();
  private readonly free: number[] = [];
  /** Rows ever handed out: columns kept beside this must have this many entries. */
  count = 0;
  // Direct-mapped cache in front of the index (absent ids too, as −1): an event is looked up when
  // it is offered and again when it goes, and the goroutines of a stretch of the trace are few.
  private readonly cacheKey = new Float64Array(1024).fill(NaN);
  private readonly cacheRow = new Int32Array(1024);

  /** Row of goroutine g, or −1. */
  find(g: number): number {
    const slot = g & 1023;
    if (this.cacheKey[slot] === g) return this.cacheRow[slot];
    const r = this.index.get(g);
    this.cacheKey[slot] = g;
    this.cacheRow[slot] = r;
    return r;
  }

  /** A row for g (which has none): a freed one, or row `count` (then the caller appends to its columns). */
  add(g: number): number {
    const r = this.free.length > 0 ? this.free.pop()! : this.count++;
    this.index.set(g, r);
    this.cacheKey[g & 1023] = g;
    this.cacheRow[g & 1023] = r;
    return r;
  }

  remove(g: number): void {
    const r = this.find(g);
    if (r < 0) return;
    this.index.delete(g);
    this.free.push(r);
    this.cacheKey[g & 1023] = g;
    this.cacheRow[g & 1023] = -1;
  }

  /** Goroutines with a row now. */
  get live(): number {
    return this.index.size;
  }
}
