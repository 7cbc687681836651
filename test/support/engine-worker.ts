// Builds main/engine/worker-entry.ts into a runnable worker script once per test process (Node 20
// cannot run TypeScript in a worker_thread), with the same bundler the app uses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

let built: Promise<string> | null = null;

export function engineWorkerFile(): Promise<string> {
  built ??= (async () => {
    const root = resolve(import.meta.dirname, '../..');
    const outDir = mkdtempSync(join(tmpdir(), 'leakline-engine-worker-'));
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      publicDir: false,
      build: {
        ssr: resolve(root, 'main/engine/worker-entry.ts'),
        outDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        reportCompressedSize: false,
        rolldownOptions: { output: { format: 'es', entryFileNames: 'engine-worker.js' } },
      },
    });
    return join(outDir, 'engine-worker.js');
  })();
  return built;
}
