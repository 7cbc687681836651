// The large trace the engine's e2e test and benchmark open. test/fixtures-big/ is git-ignored:
// use what `npm run fixtures:big` made if it is there, otherwise generate a ~50 MB trace (and a
// goroutine profile of the same process) with test/e2e/bigtrace, a small Go program.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const bigRoot = join(root, 'test/fixtures-big');

export interface BigTrace {
  trace: string;
  profile: string;
  bytes: number;
  generatedNow: boolean;
}

/** Traces of at least `minMB` MB under test/fixtures-big, smallest first. */
export function existingBigTraces(minMB = 40): string[] {
  if (!existsSync(bigRoot)) return [];
  return readdirSync(bigRoot)
    .map((d) => join(bigRoot, d, 'trace.out'))
    .filter((f) => existsSync(f) && statSync(f).size >= minMB * 2 ** 20)
    .sort((a, b) => statSync(a).size - statSync(b).size);
}

export function ensureBigTrace(): BigTrace {
  const dir = join(bigRoot, 'engine-50mb');
  const trace = join(dir, 'trace.out');
  const profile = join(dir, 'goroutine.pb.gz');
  let generatedNow = false;
  if (!existsSync(trace) || !existsSync(profile)) {
    mkdirSync(dir, { recursive: true });
    console.log(`[engine e2e] generating ${trace} (about 50 MB, ~10 s)…`);
    execFileSync('go', ['run', '.', '-o', trace, '-profile', profile, '-mb', '48'], { cwd: join(root, 'test/e2e/bigtrace'), stdio: 'inherit' });
    generatedNow = true;
  }
  return { trace, profile, bytes: statSync(trace).size, generatedNow };
}
