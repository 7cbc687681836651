// Gzip decoding without node:zlib: parsers also run in the browser and in workers, where the
// standard DecompressionStream('gzip') exists (Node >= 18 as well).
import { ParseError } from '../model/errors';

/** gzip member header magic (RFC 1952 §2.3.1). */
export function hasGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Inflates `bytes`, refusing output beyond `maxOutput` bytes so a small hostile file (a gzip bomb
 * inflates ~1000:1) cannot exhaust memory. Errors are ParseErrors at byte offset 0 (the stream
 * does not report where inside the deflate data it failed).
 */
export async function gunzip(bytes: Uint8Array, maxOutput: number): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new ParseError('unsupported-version', 'this runtime has no DecompressionStream for gzip', 0);
  }
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxOutput) {
        await reader.cancel();
        throw new ParseError('too-large', `gzip data inflates beyond ${maxOutput} bytes`, 0);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ParseError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    // Truncated members and bad checksums both surface here; the stream API gives no offset.
    throw new ParseError(/unexpected end|incomplete|truncat/i.test(msg) ? 'truncated' : 'corrupt', `gzip: ${msg}`, 0);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
