// A real `leakline serve` server (main/serve/server.ts) on a free loopback port, with the real
// BridgeService and in-process engines, plus small HTTP and WebSocket clients for the tests that
// attack it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { WsServerFrame } from '../../contract';
import { InProcessEngine } from '../../main/engine/engine';
import { EngineRegistry } from '../../main/engine/engine-registry';
import { openFileSource } from '../../main/engine/file-source';
import { startServer, type RunningServer, type ServeOptions } from '../../main/serve/server';
import { newToken, tokenCookieName } from '../../main/serve/token';
import { BridgeService, type BridgeServiceOptions } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';

export const TEST_PAGE = '<!doctype html><title>Leakline test page</title>';

export interface LiveServer {
  server: RunningServer;
  service: BridgeService;
  engines: EngineRegistry;
  rendererDir: string;
  /** "127.0.0.1:<port>" */
  host: string;
  /** Host, Origin and the token cookie a page of this server sends. */
  own: Record<string, string>;
  /** null: the server runs with --no-token. */
  token: string | null;
  warnings: string[];
}

/** The Cookie header a browser holding this server's token sends. */
export function tokenCookieHeader(port: number, token: string): Record<string, string> {
  return { cookie: `${tokenCookieName(port)}=${token}` };
}

export async function startLive(opts: { service?: Partial<BridgeServiceOptions>; serve?: Partial<ServeOptions> } = {}): Promise<LiveServer> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'leakline-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), TEST_PAGE);
  const engines = new EngineRegistry((t) => new InProcessEngine(() => openFileSource(t.path, t.name), t.name, openFileSource));
  const service = new BridgeService({
    appInfo: { name: 'Leakline', version: '1.2.3', mode: 'browser', versions: {} },
    recent: memoryRecentStore(),
    engines,
    ...opts.service,
  });
  const warnings: string[] = [];
  const token = opts.serve?.token === undefined ? newToken() : opts.serve.token;
  // A private parent for the upload folder: clean-up of stale folders looks only there.
  const tempDir = opts.serve?.tempDir ?? mkdtempSync(join(tmpdir(), 'leakline-tmp-'));
  const server = await startServer({ service, rendererDir, port: 0, engines, warn: (m) => warnings.push(m), ...opts.serve, token, tempDir });
  const host = `127.0.0.1:${server.port}`;
  const own = { host, origin: `http://${host}`, ...(token === null ? {} : tokenCookieHeader(server.port, token)) };
  return { server, service, engines, rendererDir, host, own, token, warnings };
}

export interface HttpReply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function httpRequest(port: number, method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const h = body ? { ...headers, 'content-length': String(body.length) } : headers;
    const req = request({ host: '127.0.0.1', port, path, method, headers: h, setHost: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Resolves the open socket, or the HTTP status the upgrade was refused with (-1: no answer). */
export function tryUpgrade(port: number, headers: Record<string, string>, path = '/bridge'): Promise<{ ws?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers, setHost: false } as WebSocket.ClientOptions);
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({ status: -1 }));
  });
}

export function rpc(ws: WebSocket, seq: number, verb: string, args: unknown): Promise<WsServerFrame> {
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

/** One bridge request on a fresh connection, as a page would make it. */
export async function bridgeCall(live: LiveServer, verb: string, args: unknown[]): Promise<WsServerFrame> {
  const { ws, status } = await tryUpgrade(live.server.port, live.own);
  if (!ws) throw new Error(`bridge upgrade refused with ${status}`);
  try {
    return await rpc(ws, 1, verb, args);
  } finally {
    ws.close();
  }
}
