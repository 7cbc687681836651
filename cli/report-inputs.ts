// Turns files on disk into analysis inputs: content sniffing (never extensions) picks a parser.
// The parsers register here as they land; analysis/ itself never reads files.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bytesSource, ParseError, type ByteSource, type Profile, type TraceModel } from '../parsers/model';
import type { AnalysisInput } from '../analysis/analyze';

export interface InputLoader {
  readonly name: string;
  /** Looks at the first bytes only. */
  sniff(head: Uint8Array): boolean;
  load(source: ByteSource): Promise<{ trace: TraceModel } | { profile: Profile }>;
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
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    throw new InputError(`${path}: cannot read: ${(e as Error).message}`);
  }
  const head = bytes.subarray(0, HEAD_BYTES);
  const loader = loaders.find((l) => l.sniff(head));
  if (!loader) return undefined;
  try {
    const model = await loader.load(bytesSource(path, bytes));
    return { file: path, ...model } as AnalysisInput;
  } catch (e) {
    if (e instanceof ParseError) throw new InputError(e.describe(path));
    throw e;
  }
}
