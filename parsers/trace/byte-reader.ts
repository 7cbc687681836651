// Sequential reader over a ByteSource with its own chunk buffers. Batch payloads are returned as
// views into those chunks (a ByteSource may reuse its buffer, ours never is), so a generation keeps
// only the chunks its batches live in: memory is bounded by one generation plus one chunk.
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { CancelSignal } from '../model/cancel';

/** 1 MiB: ~64 reads per 64 MiB trace, and a copy per chunk costs ~1/10 of decoding it. */
const CHUNK = 1 << 20;

export class ByteReader {
  private buf: Uint8Array = new Uint8Array(0);
  /** File offset of buf[0]. */
  private bufStart = 0;
  /** Read position inside buf. */
  pos = 0;

  constructor(
    private readonly source: ByteSource,
    start: number,
    private readonly signal?: CancelSignal,
  ) {
    this.bufStart = start;
  }

  get offset(): number {
    return this.bufStart + this.pos;
  }

  get size(): number {
    return this.source.size;
  }

  get atEnd(): boolean {
    return this.offset >= this.source.size;
  }

  /** Makes at least `n` bytes available at `pos` unless the file ends first; returns how many are. */
  async ensure(n: number): Promise<number> {
    const have = this.buf.length - this.pos;
    if (have >= n) return have;
    const fileLeft = this.source.size - this.offset;
    if (have >= fileLeft) return have;
    if (this.signal?.aborted) throw new ParseError('cancelled', 'parsing was cancelled', this.offset);
    const want = Math.min(fileLeft, Math.max(n, CHUNK));
    const next = new Uint8Array(want);
    next.set(this.buf.subarray(this.pos), 0);
    let filled = have;
    while (filled < want) {
      const part = await this.source.read(this.offset + filled, want - filled);
      if (part.length === 0) break;
      next.set(part, filled);
      filled += part.length;
    }
    this.bufStart = this.offset;
    this.buf = filled === want ? next : next.subarray(0, filled);
    this.pos = 0;
    return filled;
  }

  /** The current buffer; valid for indices [pos, pos + ensure()). */
  get bytes(): Uint8Array {
    return this.buf;
  }
}
