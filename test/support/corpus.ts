// Where every test finds its inputs. All of them live inside the repository, except Go's own
// trace-reader golden tests and fuzz inputs, which come from the golang.org/x/exp module that the
// oracle (test/oracle) already depends on: the module cache after `go mod download`, never a copy
// beside the clone. Nothing here looks outside the repository for anything else.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository: the nearest folder above this module with Leakline's package.json (also when bundled into out/). */
function findRepoRoot(): string {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  for (;;) {
    const pkg = resolve(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'leakline') return dir;
    const up = resolve(dir, '..');
    if (up === dir) throw new Error(`no leakline package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

export const repoRoot = findRepoRoot();

/** A path under test/corpus/ (real-world traces and dumps with their provenance). */
export function corpus(...parts: string[]): string {
  return resolve(repoRoot, 'test/corpus', ...parts);
}

/** A path under test/fixtures/ (outputs of the project's own Go programs, per Go version). */
export function fixtures(...parts: string[]): string {
  return resolve(repoRoot, 'test/fixtures', ...parts);
}

export interface RealworldEntry {
  readonly file: string;
  readonly size: number;
  readonly header?: string;
  readonly repo?: string;
  readonly commit?: string;
  /** Absolute path of the file in the repository. */
  readonly path: string;
}

/** The real-world traces with the sizes and headers their index.json recorded independently. */
export function realworldTraces(): RealworldEntry[] {
  const dir = corpus('realworld', 'traces');
  const index = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as Omit<RealworldEntry, 'path'>[];
  return index.map((e) => ({ ...e, path: resolve(dir, e.file) }));
}

/** One line saying which Go is needed and how to get it; thrown where a test needs `go`. */
export const GO_MISSING =
  'Go is not installed (or not on PATH): the differential and fixture tests need Go >= 1.22 ' +
  '(https://go.dev/dl, or Debian: apt-get install golang-go), then run the tests again.';

let xexpDir: string | undefined;

/**
 * A path inside golang.org/x/exp's `trace/testdata` (tests/*.test, fuzz/FuzzReader/*), at the
 * version test/oracle/go.mod pins. `go mod download` fetches it into the module cache once.
 */
export function xexpTraceTestdata(...parts: string[]): string {
  if (xexpDir === undefined) {
    let out: string;
    try {
      out = execFileSync('go', ['mod', 'download', '-json', 'golang.org/x/exp'], {
        cwd: resolve(repoRoot, 'test/oracle'),
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string; stdout?: string };
      if (err.code === 'ENOENT') throw new Error(GO_MISSING);
      throw new Error(`go mod download golang.org/x/exp failed (needs the Go module proxy once): ${err.stdout ?? ''}${err.stderr ?? err.message}`);
    }
    const info = JSON.parse(out) as { Dir?: string; Error?: string };
    if (!info.Dir || !existsSync(info.Dir)) throw new Error(`go mod download golang.org/x/exp gave no module directory: ${info.Error ?? out}`);
    xexpDir = resolve(info.Dir, 'trace/testdata');
  }
  return resolve(xexpDir, ...parts);
}
