// A ByteSource over a file on disk (Node fs.promises FileHandle). Reads exactly the requested
// range into a fresh buffer, so parsers may keep what they get; never loads the whole file.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../../parsers/model/byte-source';

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(file: string): Promise<FileSource> {
  const handle = await open(file, 'r');
  const { size } = await handle.stat();
  let closed = false;
  return {
    name: path.basename(file),
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = new Uint8Array(n);
      let got = 0;
      while (got < n) {
        const { bytesRead } = await handle.read(buf, got, n - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === n ? buf : buf.subarray(0, got);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}

/** Opens, runs `fn`, and always closes. */
export async function withFileSource<T>(file: string, fn: (s: FileSource) => Promise<T>): Promise<T> {
  const s = await openFileSource(file);
  try {
    return await fn(s);
  } finally {
    await s.close();
  }
}
