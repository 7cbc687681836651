// `leakline open <file…>` and `leakline <file…>`: opens files in the desktop app. A running
// Leakline receives them (Electron's single-instance lock forwards a second launch's argv to the
// first, main/index.ts 'second-instance'). Where the Electron binary is not installed (this
// machine, CI) the files open in browser mode instead: `leakline serve <file…>`.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, EXIT, type Command } from '../command';
import { serve } from './serve';

const usage = `Usage: leakline open <file…>
       leakline <file…>

Opens Go execution traces, pprof profiles and goroutine dumps in the Leakline desktop app (in the
running window if there is one). Without the Electron binary (installed with
ELECTRON_SKIP_BINARY_DOWNLOAD=1) the files open in browser mode, as \`leakline serve <file…>\`.`;

export type OpenPlan = { kind: 'electron'; binary: string; args: string[] } | { kind: 'serve'; files: string[]; reason: string };

/** The installed Electron binary (node_modules/electron/path.txt), or null. */
export function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** The app directory Electron loads (package.json "main" → out/main/index.js). */
function appDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const c of [join(here, '..'), join(here, '../..')]) if (existsSync(join(c, 'out/main/index.js'))) return resolve(c);
  return resolve(here, '..');
}

export function planOpen(argv: string[], binary: string | null): OpenPlan {
  if (argv.length === 0) throw new UsageError('name at least one file');
  const files = argv.map((a) => {
    if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    const p = resolve(a);
    if (!existsSync(p)) throw new UsageError(`${p}: no such file`);
    if (!statSync(p).isFile()) throw new UsageError(`${p}: not a regular file`);
    return p;
  });
  if (!binary) return { kind: 'serve', files, reason: 'the Electron binary is not installed' };
  return { kind: 'electron', binary, args: [appDir(), ...files] };
}

export const open: Command = {
  name: 'open',
  summary: 'open files in the desktop app (`leakline <file…>` does the same)',
  usage,
  async run(argv) {
    const plan = planOpen(argv, electronBinary());
    if (plan.kind === 'serve') {
      process.stderr.write(`leakline open: ${plan.reason}; opening in browser mode instead.\n`);
      return serve.run(plan.files);
    }
    const child = spawn(plan.binary, plan.args, { detached: true, stdio: 'ignore' });
    child.unref();
    return EXIT.ok;
  },
};
