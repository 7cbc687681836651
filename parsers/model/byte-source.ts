// A random-access, chunked byte source. Parsers read through this so the same code runs on a
// Node file handle (main/engine), a browser File (slices) and an in-memory buffer (tests),
// without any node:* or DOM import here.

export interface ByteSource {
  /** Display name for error messages (file name or path). */
  readonly name: string;
  /** Total size in bytes. */
  readonly size: number;
  /**
   * Reads up to `length` bytes at `offset`. Returns fewer bytes only at end of input.
   * The returned view may alias an internal buffer: copy it if you keep it past the next read.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Reads the whole source into memory; for small inputs (profiles, dumps) and tests. */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}
