#!/usr/bin/env node
// Loads the built CLI (npm run build writes out/cli/main.js).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('leakline: the CLI is not built yet. Run `npm run build` in the repository first.\n');
  process.exit(1);
}
// `leakline serve` lives long while documents come and go. glibc keeps the heap that a closed
// document's worker thread freed mapped unless told to hand it back, so on Linux serve runs in a
// child with trim thresholds set (and --expose-gc: the server collects after each close). Measured
// by `npm run bench:engine` (server RSS after closing the tab): docs/engine.md.
if (process.argv[2] === 'serve' && process.platform === 'linux' && process.env.LEAKLINE_SERVE_CHILD !== '1') {
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LEAKLINE_SERVE_CHILD: '1', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + (osConstants.signals[signal] ?? 0) : 1);
  });
} else {
  const { runCli } = await import(pathToFileURL(built).href);
  process.exitCode = await runCli(process.argv.slice(2));
}
