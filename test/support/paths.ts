// Where tests find the repository and the shared corpus (shared/ sits beside the clone in CI;
// helpers' worktrees sit one level deeper, so look one more level up too).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

export function sharedDir(): string {
  const candidates = [process.env['LEAKLINE_SHARED'], resolve(repoRoot, '../shared'), resolve(repoRoot, '../../shared')];
  const found = candidates.find((c) => c && existsSync(resolve(c, 'realworld')));
  if (!found) throw new Error(`shared/ corpus not found (looked in ${candidates.filter(Boolean).join(', ')}); set LEAKLINE_SHARED`);
  return found;
}

export interface RealworldEntry {
  file: string;
  size: number;
  header?: string;
}

/** The realworld traces with their independently recorded sizes (shared/realworld/traces/index.json). */
export async function realworldTraces(): Promise<(RealworldEntry & { path: string })[]> {
  const dir = resolve(sharedDir(), 'realworld/traces');
  const { readFile } = await import('node:fs/promises');
  const index = JSON.parse(await readFile(resolve(dir, 'index.json'), 'utf8')) as RealworldEntry[];
  return index.map((e) => ({ ...e, path: resolve(dir, e.file) }));
}
