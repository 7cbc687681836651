#!/usr/bin/env node
// `npm start`: build and open the desktop app, or explain why it cannot start here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  process.stderr.write(
    'leakline: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set, or its download failed).\n' +
      '  Desktop app: run `npm install` where Electron can be downloaded, then `npm start`.\n' +
      '  Browser mode, works here: `npm run build && npx leakline serve`\n',
  );
  process.exit(1);
}
const viteBin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
const run = spawnSync(process.execPath, [viteBin, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
