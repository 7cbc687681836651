// The Electron main process's security pieces, without Electron: where the renderer is loaded
// from (never a URL from the environment in a packaged build), the app: protocol handler on a
// real folder (links out refused), https links only after a yes, one question at a time, and
// command-line files resolved against the launching directory.
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../main/app/app-protocol';
import { filesFromArgv } from '../../../main/app/argv-files';
import { externalLinkOpener } from '../../../main/app/external-links';
import { PathGrants } from '../../../main/app/path-grants';
import { APP_RENDERER_URL, chooseRenderer } from '../../../main/app/renderer-location';
import { realworldTraces } from '../../support/corpus';

describe('chooseRenderer', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
  it('uses the dev server only in an unpackaged build', () => {
    expect(chooseRenderer({ isPackaged: false, env })).toEqual({ location: { url: 'http://localhost:5173/' }, dev: true });
    expect(chooseRenderer({ isPackaged: true, env })).toEqual({ location: { url: APP_RENDERER_URL }, dev: false, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged build' });
    expect(chooseRenderer({ isPackaged: false, env: {} })).toEqual({ location: { url: 'app://leakline/index.html' }, dev: false });
  });
  it('never a page elsewhere, nor another scheme, even in development', () => {
    for (const url of ['https://evil.example/', 'http://192.168.1.5:5173/', 'file:///tmp/x.html', 'javascript:alert(1)', 'not a url']) {
      const c = chooseRenderer({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url } });
      expect(c.location.url, url).toBe(APP_RENDERER_URL);
      expect(c.dev).toBe(false);
      expect(c.ignored).toBeDefined();
    }
  });
});

describe('app: protocol handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leakline-app-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'index.js'), 'export {};');
  const outside = join(mkdtempSync(join(tmpdir(), 'leakline-outside-')), 'secret.txt');
  writeFileSync(outside, 'secret');
  symlinkSync(outside, join(dir, 'assets', 'link.js'));
  const handler = appProtocolHandler(dir, "default-src 'none'");

  it('serves files with their type, the CSP and nosniff', async () => {
    const js = await handler(new Request('app://leakline/assets/index.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toBe('export {};');
    const head = await handler(new Request('app://leakline/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });
  it('refuses links out of the folder, traversal, other hosts and folders', async () => {
    for (const url of ['app://leakline/assets/link.js', 'app://leakline/../secret.txt', 'app://leakline/assets', 'app://elsewhere/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
  });
});

describe('external links', () => {
  it('open only after a yes, only https, one question at a time', async () => {
    const opened: string[] = [];
    const warnings: string[] = [];
    let answer: (ok: boolean) => void = () => {};
    const open = externalLinkOpener({
      confirm: () => new Promise((r) => (answer = r)),
      open: async (u) => void opened.push(u),
      warn: (m) => void warnings.push(m),
    });
    const first = open('https://go.dev/');
    await open('https://go.dev/second'); // while the first is asked: dropped
    answer(true);
    await first;
    const third = open('https://go.dev/third');
    answer(false);
    await third;
    await open('http://plain.example/');
    await open('file:///etc/passwd');
    expect(opened).toEqual(['https://go.dev/']);
    expect(warnings).toEqual([
      'dropped a request to open https://go.dev/second while another is being asked',
      'refused to open http://plain.example/: only https links open outside',
      'refused to open file:///etc/passwd: only https links open outside',
    ]);
  });
});

describe('command-line files', () => {
  it('resolve against the launching directory; switches and missing files are skipped', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'leakline-argv-'));
    const [t] = realworldTraces();
    copyFileSync(t.path, join(cwd, 'a.trace'));
    const argv = ['/opt/Leakline/leakline', '--enable-features=X', 'a.trace', 'missing.trace', cwd];
    expect(filesFromArgv(argv, { isPackaged: true, cwd })).toEqual([join(cwd, 'a.trace')]);
    expect(filesFromArgv(['electron', '/app', 'a.trace'], { isPackaged: false, cwd })).toEqual([join(cwd, 'a.trace')]);
  });
});

describe('PathGrants', () => {
  it('files exactly (whatever the spelling), folders picked or holding a granted file, recent files', () => {
    const recent = [{ path: '/r/recent.trace' }];
    const g = new PathGrants(() => recent);
    g.grantFile('/a/b/trace.out');
    g.grantFolder('/picked');
    expect(g.allowsFile('/a/b/../b/trace.out')).toBe(true);
    expect(g.allowsFile('/a/b/other.out')).toBe(false);
    expect(g.allowsFile('/r/recent.trace')).toBe(true);
    expect(g.allowsFolder('/a/b')).toBe(true);
    expect(g.allowsFolder('/a')).toBe(false);
    expect(g.allowsFolder('/picked/')).toBe(true);
    expect(g.allowsFolder('/picked/sub')).toBe(false);
  });
});
