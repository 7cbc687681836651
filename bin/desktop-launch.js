// `npm start`'s decision, kept apart from the process plumbing so it can be tested with a fake
// download: Electron 45's npm package has no install script; its binary arrives the first time
// something asks for it (`require('electron')` or its `install-electron` bin). So when the binary
// is missing, run that download in the foreground (its progress on this terminal), then start;
// only when the download fails, say what happened and point to browser mode.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Node the Electron downloader (@electron/get 5) declares in its `engines`. */
export const ELECTRON_DOWNLOAD_NODE = [22, 12];

/** The Electron executable inside `electronDir` when it is installed, else undefined. */
export function installedElectron(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function nodeAtLeast(version, [major, minor]) {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/**
 * Finds or downloads the Electron binary.
 * @param {{ electronDir: string, download: () => number, nodeVersion: string, log: (line: string) => void }} deps
 *   `download` runs Electron's own installer in the foreground and returns its exit status.
 * @returns {{ binary: string } | { error: string }}
 */
export function ensureElectron({ electronDir, download, nodeVersion, log }) {
  const present = installedElectron(electronDir);
  if (present) return { binary: present };
  log('leakline: downloading the Electron binary (once, about 100 MB)…');
  const status = download();
  const binary = installedElectron(electronDir);
  if (status === 0 && binary) return { binary };
  const why = [`the Electron download failed (installer exit status ${status}${status === 0 ? ', but no binary appeared' : ''}).`];
  if (!nodeAtLeast(nodeVersion, ELECTRON_DOWNLOAD_NODE)) {
    why.push(`  Electron's downloader needs Node >= ${ELECTRON_DOWNLOAD_NODE.join('.')}; this is Node ${nodeVersion}.`);
  }
  why.push(
    '  Retry with a connection to github.com (or set ELECTRON_MIRROR), or run `npx install-electron` to see the details.',
    '  Browser mode works without Electron: `npm run build && npx leakline serve`',
  );
  return { error: `leakline: ${why.join('\n')}` };
}
