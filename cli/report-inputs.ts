// Turns files on disk into analysis inputs: content sniffing (never extensions) picks a parser.
// The parsers register here as they land; analysis/ itself never reads files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ParseError, type ByteSource, type Profile, type ParsedTrace } from '../parsers/model';
import { openFileSource } from '../main/engine/file-source';
import type { AnalysisInput } from '../analysis/analyze';

export interface InputLoader {
  readonly name: string;
  /** Looks at the first bytes only. */
  sniff(head: Uint8Array): boolean;
  load(source: ByteSource): Promise<{ trace: ParsedTrace } | { profile: Profile }>;
}

/** Why an input could not be used; the CLI exits 2 with this message. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const HEAD_BYTES = 64 * 1024;

/** Expands folders (one level, sorted) into files; explicit files are kept as given. */
export async function expandPaths(paths: readonly string[]): Promise<{ path: string; explicit: boolean }[]> {
  const out: { path: string; explicit: boolean }[] = [];
  for (const p of paths) {
    let st;
    try {
      st = await stat(p);
    } catch {
      throw new InputError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const names = (await readdir(p)).sort();
      for (const n of names) {
        const full = join(p, n);
        if ((await stat(full)).isFile()) out.push({ path: full, explicit: false });
      }
    } else out.push({ path: p, explicit: true });
  }
  return out;
}

export async function loadInput(path: string, loaders: readonly InputLoader[]): Promise<AnalysisInput | undefined> {
  // Chunked reads (main/engine/file-source.ts): a 2 GB trace never sits in memory whole; only
  // the sniffing window is read up front.
  let source;
  try {
    source = await openFileSource(path, path);
  } catch (e) {
    throw new InputError(`${path}: cannot read: ${(e as Error).message}`);
  }
  try {
    const head = await source.read(0, Math.min(HEAD_BYTES, source.size));
    const loader = loaders.find((l) => l.sniff(head));
    if (!loader) return undefined;
    try {
      const model = await loader.load(source);
      return { file: path, ...model } as AnalysisInput;
    } catch (e) {
      if (e instanceof ParseError) throw new InputError(e.describe(path));
      throw e;
    }
  } finally {
    await source.close();
  }
}
