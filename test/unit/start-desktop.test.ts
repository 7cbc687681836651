// `npm start`'s decision (bin/desktop-launch.js) with a fake Electron download: a real child
// process that installs a binary the way Electron's installer does (dist/<exe> + path.txt), or fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureElectron as ensure } from '../../bin/desktop-launch.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function electronDir(installed: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakline-electron-'));
  dirs.push(dir);
  if (installed) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  return dir;
}

/** A download command run as a child process, as `npm start` runs Electron's installer. */
function fakeDownload(dir: string, outcome: 'installs' | 'fails' | 'exits-0-without-binary', calls: string[]): () => number {
  const script = {
    installs: `const fs=require('fs'),p=require('path');fs.mkdirSync(p.join(${JSON.stringify(dir)},'dist'),{recursive:true});fs.writeFileSync(p.join(${JSON.stringify(dir)},'dist','electron'),'');fs.writeFileSync(p.join(${JSON.stringify(dir)},'path.txt'),'electron');console.log('Downloading electron 100%')`,
    fails: `console.error('RequestError: getaddrinfo ENOTFOUND github.com');process.exit(1)`,
    'exits-0-without-binary': `process.exit(0)`,
  }[outcome];
  return () => {
    calls.push(outcome);
    return spawnSync(process.execPath, ['-e', script], { stdio: 'ignore' }).status ?? 1;
  };
}

describe('npm start finds or downloads Electron', () => {
  it('starts at once when the binary is present, without downloading', () => {
    const dir = electronDir(true);
    const calls: string[] = [];
    const log: string[] = [];
    const r = ensure({ electronDir: dir, download: fakeDownload(dir, 'fails', calls), nodeVersion: '22.12.0', log: (l) => log.push(l) });
    expect(r).toEqual({ binary: join(dir, 'dist', 'electron') });
    expect(calls).toEqual([]);
    expect(log).toEqual([]);
  });

  it('downloads when the binary is missing, says so, then starts', () => {
    const dir = electronDir(false);
    const calls: string[] = [];
    const log: string[] = [];
    const r = ensure({ electronDir: dir, download: fakeDownload(dir, 'installs', calls), nodeVersion: '22.12.0', log: (l) => log.push(l) });
    expect(r).toEqual({ binary: join(dir, 'dist', 'electron') });
    expect(calls).toEqual(['installs']);
    expect(log.join('\n')).toContain('downloading the Electron binary');
  });

  it('explains a failed download and points to browser mode', () => {
    const dir = electronDir(false);
    const r = ensure({ electronDir: dir, download: fakeDownload(dir, 'fails', []), nodeVersion: '22.14.0', log: () => {} });
    expect('error' in r && r.error).toMatch(/Electron download failed \(installer exit status 1\)/);
    expect('error' in r && r.error).toContain('npx leakline serve');
    expect('error' in r && r.error).not.toContain('needs Node');
  });

  it('names the Node version when it is older than the downloader needs', () => {
    const dir = electronDir(false);
    const r = ensure({ electronDir: dir, download: fakeDownload(dir, 'fails', []), nodeVersion: '20.19.0', log: () => {} });
    expect('error' in r && r.error).toContain("Electron's downloader needs Node >= 22.12; this is Node 20.19.0");
  });

  it('does not start a binary that the installer claimed but did not write', () => {
    const dir = electronDir(false);
    const r = ensure({ electronDir: dir, download: fakeDownload(dir, 'exits-0-without-binary', []), nodeVersion: '22.12.0', log: () => {} });
    expect('error' in r && r.error).toContain('but no binary appeared');
  });
});
