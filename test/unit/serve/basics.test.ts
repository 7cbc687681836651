// `leakline serve` over real sockets: loopback only, foreign origins and hosts refused, the
// bridge answering over the WebSocket, uploads of real traces.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { checkOrigin } from '../../../main/serve/origin';
import { resolveInside } from '../../../main/serve/static-files';
import { safeFileName } from '../../../main/serve/upload';
import { realworldTraces } from '../../support/corpus';
import { httpRequest, rpc, startLive, TEST_PAGE as PAGE, tryUpgrade as upgrade, type LiveServer } from '../../support/live-serve';

let live: LiveServer;
let host: string;
/** The token cookie every request of the page carries (token.test.ts covers requests without it). */
let cookie: Record<string, string>;

beforeAll(async () => {
  live = await startLive();
  host = live.host;
  cookie = { cookie: live.own.cookie };
});
afterAll(() => live.server.close());

const httpGet = (path: string, headers: Record<string, string>) => httpRequest(live.server.port, 'GET', path, { ...cookie, ...headers });
const post = (path: string, headers: Record<string, string>, body: Buffer) => httpRequest(live.server.port, 'POST', path, { ...cookie, ...headers }, body);
const tryUpgrade = (headers: Record<string, string>, path = '/bridge') => upgrade(live.server.port, { ...cookie, ...headers }, path);

describe('leakline serve', () => {
  it('listens on 127.0.0.1 and prints that URL with its token', () => {
    expect(live.server.url).toBe(`http://127.0.0.1:${live.server.port}/?token=${live.token}`);
    expect(live.server.port).toBeGreaterThan(0);
  });

  it('serves the page with the CSP header to its own host', async () => {
    const res = await httpGet('/', { host });
    expect(res.status).toBe(200);
    expect(res.body).toBe(PAGE);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect((await httpGet('/', { host: `localhost:${live.server.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and foreign Origins', async () => {
    expect((await httpGet('/', { host: `evil.example:${live.server.port}` })).status).toBe(403);
    expect((await httpGet('/', { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await httpGet('/', { host, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('does not serve files outside the renderer directory', async () => {
    expect((await httpGet('/../../../etc/passwd', { host })).status).toBe(404);
    expect((await httpGet('/%2e%2e/%2e%2e/etc/passwd', { host })).status).toBe(404);
    expect(resolveInside('/srv/r', '/%2e%2e/x')).toBe('/srv/r/x'); // clamped at the root
    expect(resolveInside('/srv/r', '/a%00b')).toBeNull();
    expect(resolveInside('/srv/r', '/a/../index.html')).toBe('/srv/r/index.html');
  });

  it('rejects WebSocket upgrades from other origins, hosts, or without an Origin', async () => {
    expect(await tryUpgrade({ host, origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host, origin: 'null' })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host, origin: `http://127.0.0.1:${live.server.port + 1}` })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host: `evil.example:${live.server.port}`, origin: `http://evil.example:${live.server.port}` })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host, origin: `http://${host}` }, '/elsewhere')).toEqual({ status: 403 });
  });

  it('answers bridge requests over the WebSocket from its own origin, validating payloads', async () => {
    const { ws } = await tryUpgrade({ host, origin: `http://${host}` });
    expect(ws).toBeDefined();
    const sock = ws as WebSocket;
    expect(await rpc(sock, 1, 'getVersion', [])).toMatchObject({ ok: true, result: { version: '1.2.3', mode: 'browser' } });
    const [t] = realworldTraces();
    expect(await rpc(sock, 2, 'openPath', [t.path])).toMatchObject({ ok: true, result: { sizeBytes: t.size, name: t.file } });
    expect(await rpc(sock, 3, 'openPath', ['relative'])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await rpc(sock, 4, 'openFile', [])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await rpc(sock, 5, 'invoke', ['anything'])).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    sock.close();
  });

  it('accepts uploads of real traces only from its own origin with the upload header', async () => {
    const traces = realworldTraces();
    const t = traces.find((x) => x.size > 100_000 && x.size < 1_000_000) ?? traces[0];
    const bytes = readFileSync(t.path);
    const path = `/upload?name=${encodeURIComponent(t.file)}`;
    const own = { host, origin: `http://${host}`, 'x-leakline-upload': '1' };
    expect((await post(path, { ...own, origin: 'http://evil.example' }, bytes)).status).toBe(403);
    expect((await post(path, { host, 'x-leakline-upload': '1' }, bytes)).status).toBe(403);
    expect((await post(path, { host, origin: `http://${host}` }, bytes)).status).toBe(403);
    const ok = await post(path, own, bytes);
    expect(ok.status).toBe(200);
    const doc = (JSON.parse(ok.body) as { result: { path: string; name: string; sizeBytes: number } }).result;
    expect(doc).toMatchObject({ name: t.file, sizeBytes: t.size });
    expect(readFileSync(doc.path).equals(bytes)).toBe(true);
    // Uploaded copies are not "recent files", and closing the document deletes the copy.
    expect(live.service.listRecent().map((r) => r.path)).not.toContain(doc.path);
    await live.service.handle('closeDocument', [(JSON.parse(ok.body) as { result: { id: string } }).result.id]);
    expect(existsSync(doc.path)).toBe(false);
    expect(existsSync(t.path)).toBe(true);
  });
});

describe('checkOrigin', () => {
  it('requires Origin to equal http://<Host> for one of our host names', () => {
    expect(checkOrigin({ host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' }, 8080, true)).toEqual({ ok: true });
    expect(checkOrigin({ host: 'LOCALHOST:8080', origin: 'http://localhost:8080' }, 8080, true)).toEqual({ ok: true });
    expect(checkOrigin({ host: '127.0.0.1:8080' }, 8080, false)).toEqual({ ok: true });
    expect(checkOrigin({ host: '127.0.0.1:8080' }, 8080, true).ok).toBe(false);
    expect(checkOrigin({ host: '127.0.0.1:8080', origin: 'http://localhost:8080' }, 8080, true).ok).toBe(false);
    expect(checkOrigin({ host: '0.0.0.0:8080', origin: 'http://0.0.0.0:8080' }, 8080, true).ok).toBe(false);
    expect(checkOrigin({ origin: 'http://127.0.0.1:8080' }, 8080, true).ok).toBe(false);
  });
});

describe('safeFileName', () => {
  it('keeps a harmless base name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\x\\trace out.pb.gz')).toBe('trace_out.pb.gz');
    expect(safeFileName('..')).toBe('_');
    expect(safeFileName('')).toBe('upload');
  });
});
