// Static files of `leakline serve` against a live server: a symbolic link inside the served
// folder is no way out of it (to a file, to a folder), a FIFO is not a file, and links that stay
// inside still work.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRequest, startLive, TEST_PAGE, type LiveServer } from '../../support/live-serve';

let live: LiveServer;
const SECRET = 'not for the browser\n';

beforeAll(async () => {
  live = await startLive();
  const outside = mkdtempSync(join(tmpdir(), 'leakline-outside-'));
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  const r = live.rendererDir;
  symlinkSync(join(outside, 'secret.txt'), join(r, 'secret.txt'));
  symlinkSync(outside, join(r, 'assets'));
  symlinkSync('../' + outside.split('/').pop() + '/secret.txt', join(r, 'relative.txt'));
  symlinkSync(join(r, 'missing.txt'), join(r, 'dangling.txt'));
  symlinkSync('index.html', join(r, 'alias.html'));
  mkdirSync(join(r, 'sub'));
  execFileSync('mkfifo', [join(r, 'sub', 'fifo.js')]);
});
afterAll(() => live.server.close());

const get = (path: string) => httpRequest(live.server.port, 'GET', path, live.own);

describe('static files', () => {
  it('never serves through a link that leads outside the folder', async () => {
    for (const path of ['/secret.txt', '/assets/secret.txt', '/relative.txt', '/dangling.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain(SECRET.trim());
    }
  });

  it('serves only regular files: a FIFO or a folder is not found (and nothing hangs)', async () => {
    expect((await get('/sub/fifo.js')).status).toBe(404);
    expect((await get('/sub')).status).toBe(404);
  });

  it('links that stay inside the folder still serve', async () => {
    const res = await get('/alias.html');
    expect(res.status).toBe(200);
    expect(res.body).toBe(TEST_PAGE);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
