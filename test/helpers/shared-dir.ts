// ../shared beside the clone (CI and /work/main); helper worktrees live one level deeper
// (/work/wt/<name>), so the grandparent is tried too.
import { existsSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

export function sharedDir(...parts: string[]): string {
  for (const base of [path.resolve(repoRoot, '../shared'), path.resolve(repoRoot, '../../shared')]) {
    if (existsSync(base)) return path.join(base, ...parts);
  }
  throw new Error(`shared/ not found beside ${repoRoot}: clone it next to the repository`);
}
