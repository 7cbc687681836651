// Builds the `leakline` CLI (cli/main.ts) into out/cli/main.js: a Node ES module with the project's
// own sources bundled and npm dependencies (ws, protobufjs…) left as imports. A separate Vite SSR
// build rather than a fourth electron-vite entry, because the CLI runs on plain Node, not Electron.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  publicDir: false,
  build: {
    // The engine's worker_thread script ships next to the CLI (main/engine/hosting.ts finds it).
    ssr: true,
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    rolldownOptions: {
      input: { main: resolve(root, 'cli/main.ts'), 'engine-worker': resolve(root, 'main/engine/worker-entry.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
