// Turns files on disk into analysis inputs through the one door (parsers/open-input.ts): the
// content (never the extension) picks the parser. analysis/ itself never reads files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ParseError } from '../parsers/model';
import { inputModel, openInput } from '../parsers/open-input';
import { openFileSource } from '../main/engine/file-source';
import type { AnalysisInput } from '../analysis/analyze';

/** Why an input could not be used; the CLI exits 2 with this message. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

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

/**
 * The file as an analysis input. A file found in a folder (`explicit` false) that is no input at
 * all (empty, or unknown content) is skipped as undefined; a named one is refused with the door's
 * reason.
 */
export async function loadInput(path: string, explicit: boolean): Promise<AnalysisInput | undefined> {
  // Chunked reads (main/engine/file-source.ts): a 2 GB trace never sits in memory whole.
  let source;
  try {
    source = await openFileSource(path, path);
  } catch (e) {
    throw new InputError(`${path}: cannot read: ${(e as Error).message}`);
  }
  try {
    if (source.size === 0 && !explicit) return undefined;
    return { file: path, ...inputModel(await openInput(source)) } as AnalysisInput;
  } catch (e) {
    if (e instanceof ParseError && e.code === 'unknown-format' && !explicit) return undefined;
    if (e instanceof ParseError) throw new InputError(e.describe(path));
    throw e;
  } finally {
    await source.close();
  }
}
