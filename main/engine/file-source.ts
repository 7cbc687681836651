// A ByteSource over a file on disk (Node), read in chunks on demand: the parser asks for 1 MiB at a
// time (parsers/trace/byte-reader.ts), so a 2 GB trace never sits in memory whole.
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../../parsers/model/byte-source';

export interface FileByteSource extends ByteSource {
  /** Bytes handed out so far (progress and the back-pressure test read it). */
  readonly bytesServed: number;
  /** Size and mtime: changes when the file does (the session's evidence cache key). */
  readonly version: string;
  close(): Promise<void>;
}

export async function openFileSource(path: string, name: string = basename(path)): Promise<FileByteSource> {
  const fh: FileHandle = await open(path, 'r');
  let size: number;
  let version: string;
  try {
    const st = await fh.stat();
    if (!st.isFile()) throw Object.assign(new Error(`${path}: not a regular file`), { code: 'EISDIR' });
    size = st.size;
    version = `${st.size}:${st.mtimeMs}`;
  } catch (err) {
    await fh.close();
    throw err;
  }
  let served = 0;
  let closed = false;
  return {
    name,
    size,
    version,
    get bytesServed() {
      return served;
    },
    async read(offset: number, length: number): Promise<Uint8Array> {
      const n = Math.max(0, Math.min(length, size - offset));
      // A fresh buffer per read: the ByteSource contract lets callers keep views only until the
      // next read, but ByteReader copies anyway, and a shared buffer would race concurrent reads.
      const buf = new Uint8Array(n);
      let filled = 0;
      while (filled < n) {
        const { bytesRead } = await fh.read(buf, filled, n - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      served = Math.max(served, offset + filled);
      return filled === n ? buf : buf.subarray(0, filled);
    },
    async close() {
      if (closed) return;
      closed = true;
      await fh.close();
    },
  };
}

/** Opens, runs `fn`, and always closes. */
export async function withFileSource<T>(file: string, fn: (s: FileByteSource) => Promise<T>): Promise<T> {
  const s = await openFileSource(file);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
