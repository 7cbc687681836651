#!/usr/bin/env node
// `npm start`: find (or download) the Electron binary, then build and open the desktop app.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureElectron } from './desktop-launch.js';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const found = ensureElectron({
  electronDir,
  download: () => spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' }).status ?? 1,
  nodeVersion: process.versions.node,
  log: (line) => process.stderr.write(`${line}\n`),
});
if ('error' in found) {
  process.stderr.write(`${found.error}\n`);
  process.exit(1);
}
const viteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
const run = spawnSync(process.execPath, [viteBin, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
