// Builds main/engine/worker-entry.ts into a runnable worker script once per test process (Node 20
// cannot run TypeScript in a worker_thread), with the same bundler the app uses.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

let built: Promise<string> | null = null;

export function engineWorkerFile(): Promise<string> {
  built ??= (async () => {
    const root = resolve(import.meta.dirname, '../..');
    // Inside the repository so the bundle's bare imports (protobufjs, long) resolve.
    mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
    const outDir = mkdtempSync(join(root, 'node_modules/.cache/engine-worker-'));
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
