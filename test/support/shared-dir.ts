// Locates the shared inputs folder (real-world traces, conformance data): `../shared` beside the
// repository (CI and /work/main), or two levels up for worktrees under /work/wt/<name>, or
// $LEAKLINE_SHARED.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

export function sharedDir(): string {
  const candidates = [process.env.LEAKLINE_SHARED, path.resolve(repoRoot, '../shared'), path.resolve(repoRoot, '../../shared')];
  for (const c of candidates) if (c && existsSync(path.join(c, 'conformance'))) return c;
  throw new Error(`shared inputs not found (looked in ${candidates.filter(Boolean).join(', ')})`);
}
