// `leakline serve` over real sockets: loopback only, foreign origins and hosts refused, the
// bridge answering over the WebSocket, uploads of real traces.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WsServerFrame } from '../../contract';
import { checkOrigin } from '../../main/serve/origin';
import { startServer, type RunningServer } from '../../main/serve/server';
import { resolveInside } from '../../main/serve/static-files';
import { safeFileName } from '../../main/serve/upload';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { realworldTraces } from '../support/corpus';

let server: RunningServer;
let service: BridgeService;
let host: string;
const rendererDir = mkdtempSync(join(tmpdir(), 'leakline-renderer-'));
const PAGE = '<!doctype html><title>Leakline test page</title>';

beforeAll(async () => {
  writeFileSync(join(rendererDir, 'index.html'), PAGE);
  service = new BridgeService({ appInfo: { name: 'Leakline', version: '1.2.3', mode: 'browser', versions: {} }, recent: memoryRecentStore() });
  server = await startServer({ service, rendererDir, port: 0 });
  host = `127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

function httpGet(path: string, headers: Record<string, string>): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'GET', headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

function post(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { ...headers, 'content-length': String(body.length) }, setHost: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves 'open' or the HTTP status the upgrade was refused with. */
function tryUpgrade(headers: Record<string, string>, path = '/bridge'): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers, setHost: false } as WebSocket.ClientOptions);
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

function rpc(ws: WebSocket, seq: number, verb: string, args: unknown): Promise<WsServerFrame> {
  return new Promise((resolve) => {
    const onMsg = (data: WebSocket.RawData) => {
      const frame = JSON.parse(data.toString()) as WsServerFrame;
      if (frame.kind === 'response' && frame.seq === seq) {
        ws.off('message', onMsg);
        resolve(frame);
      }
    };
    ws.on('message', onMsg);
    ws.send(JSON.stringify({ kind: 'request', seq, verb, args }));
  });
}

describe('leakline serve', () => {
  it('listens on 127.0.0.1 and prints that URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the page with the CSP header to its own host', async () => {
    const res = await httpGet('/', { host });
    expect(res.status).toBe(200);
    expect(res.body).toBe(PAGE);
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect((await httpGet('/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) and foreign Origins', async () => {
    expect((await httpGet('/', { host: `evil.example:${server.port}` })).status).toBe(403);
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
    expect(await tryUpgrade({ host, origin: `http://127.0.0.1:${server.port + 1}` })).toEqual({ status: 403 });
    expect(await tryUpgrade({ host: `evil.example:${server.port}`, origin: `http://evil.example:${server.port}` })).toEqual({ status: 403 });
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
    expect(service.listRecent().map((r) => r.path)).not.toContain(doc.path);
    await service.handle('closeDocument', [(JSON.parse(ok.body) as { result: { id: string } }).result.id]);
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
