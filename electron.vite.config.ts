import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './main/service/csp';

const root = import.meta.dirname;

/** Puts the CSP <meta> first in <head>, so it governs every script and style that follows. */
function cspMeta(): Plugin {
  let dev = false;
  return {
    name: 'leakline-csp-meta',
    configResolved(c) {
      dev = c.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => ({
        html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ dev, form: 'meta' }) },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // engine-worker.js: one worker_thread per open document (main/engine/worker-entry.ts).
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts'), 'engine-worker': resolve(root, 'main/engine/worker-entry.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      // Sandboxed preloads cannot load ES modules or node_modules: one CommonJS file, all inlined.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
