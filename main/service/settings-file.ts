// The small JSON files the app keeps for itself (Electron: userData/recent.json, editor.json).
import { readFileSync, renameSync } from 'node:fs';

/**
 * Reads a settings file the app owns. A file that cannot be used is not silently replaced: it is
 * renamed to `<file>.bak` (the user may want it back) and `warn` says so. Missing is not corrupt.
 */
export function readOwnJson<T>(file: string, accept: (v: unknown) => { value: T; problem?: string }, fallback: T, warn: (m: string) => void): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') warn(`${file} could not be read (${(err as Error).message}); using defaults`);
    return fallback;
  }
  let value = fallback;
  let problem: string | undefined;
  try {
    ({ value, problem } = accept(JSON.parse(text)));
  } catch (err) {
    problem = err instanceof SyntaxError ? `not JSON: ${err.message}` : (err as Error).message;
  }
  if (problem === undefined) return value;
  const bak = `${file}.bak`;
  try {
    renameSync(file, bak);
    warn(`${file} was damaged (${problem}); it is kept as ${bak}`);
  } catch (err) {
    warn(`${file} was damaged (${problem}) and could not be kept aside (${(err as Error).message})`);
  }
  return value;
}

