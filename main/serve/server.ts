// `leakline serve`: the built renderer over HTTP on loopback, plus the bridge over a WebSocket.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { STREAM_PATH, UPLOAD_HEADER, UPLOAD_PATH, WS_PATH } from '../../contract';
import type { EngineRegistry } from '../engine/engine-registry';
import { toBridgeError } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { contentSecurityPolicy } from '../service/csp';
import { checkOrigin } from './origin';
import { checkToken, TOKEN_PARAM, tokenCookie } from './token';
import { sendStatic } from './static-files';
import { receiveUpload } from './upload';
import { DEFAULT_UPLOAD_QUOTA_BYTES, formatBytes, UploadArea } from './upload-area';
import { attachBridge, MAX_FRAME_BYTES } from './ws-bridge';
import { attachStreamSocket, streamTarget } from './stream-socket';

export const LOOPBACK = '127.0.0.1';

export interface ServeOptions {
  service: BridgeService;
  /** Directory holding the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Document engines behind STREAM_PATH; without it streams are refused. */
  engines?: EngineRegistry;
  /** Logs refused requests (stderr in the CLI). */
  warn?: (message: string) => void;
  /** Required on every request (main/serve/token.ts); null only for `--no-token`. */
  token: string | null;
  /** Most bytes of uploaded copies held at once (default DEFAULT_UPLOAD_QUOTA_BYTES). */
  uploadQuotaBytes?: number;
  /** Parent of the upload folder (default: the system temp folder; tests use their own). */
  tempDir?: string;
}

export interface RunningServer {
  /** What to open in a browser: carries `?token=` unless the server runs without one. */
  url: string;
  port: number;
  /** Private folder (0700) holding this server's uploaded copies. */
  uploadDir: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy({ dev: false, form: 'header' }),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(message);
}

const NEEDS_TOKEN = 'This Leakline server needs its token: open the address `leakline serve` printed (http://127.0.0.1:<port>/?token=…).\n';

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const warn = opts.warn ?? (() => {});
  const { area, stale } = await UploadArea.create(opts.uploadQuotaBytes ?? DEFAULT_UPLOAD_QUOTA_BYTES, opts.tempDir);
  if (stale.dirs.length) warn(`removed ${stale.dirs.length} upload folder(s) (${formatBytes(stale.bytes)}) left by a leakline serve that did not exit cleanly: ${stale.dirs.join(', ')}`);
  let uploadSeq = 0;
  let port = 0;
  // A closed document's worker is gone, but the chunks this loop relayed for it are external
  // memory of this isolate until the next full GC: run one soon after a close (only when node
  // runs with --expose-gc, as bin/leakline.js starts `serve`), so the server returns near idle.
  const collect = (globalThis as { gc?: () => void }).gc;
  const unsubscribe = collect
    ? opts.service.subscribe((event) => {
        if (event === 'documentClosed') setTimeout(collect, 1000).unref();
      })
    : () => {};

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const isUpload = url.pathname === UPLOAD_PATH;
    const verdict = checkOrigin(req.headers, port, isUpload);
    if (!verdict.ok) {
      warn(`refused ${req.method} ${url.pathname}: ${verdict.reason}`);
      return refuse(res, 403, 'forbidden');
    }
    const auth = checkToken(url, req.headers.cookie, port, opts.token);
    if (!auth.ok) {
      warn(`refused ${req.method} ${url.pathname}: ${auth.reason}`);
      return refuse(res, 401, NEEDS_TOKEN);
    }
    url.searchParams.delete(TOKEN_PARAM);
    if (isUpload) {
      if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
      if (req.headers[UPLOAD_HEADER] !== '1') return refuse(res, 403, 'forbidden');
      try {
        const doc = await receiveUpload(req, url, area, ++uploadSeq, opts.service);
        res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: doc }));
      } catch (err) {
        const error = toBridgeError(err);
        const status = error.code === 'too-large' ? 413 : error.code === 'limit' ? 429 : error.code === 'not-found' ? 404 : 400;
        res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ ok: false, error }));
      }
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    // The token came in the URL (the printed address): from now on the cookie carries it.
    const headers = auth.fromQuery && opts.token !== null ? { ...SECURITY_HEADERS, 'set-cookie': tokenCookie(port, opts.token) } : SECURITY_HEADERS;
    await sendStatic(res, opts.rendererDir, url.pathname, headers);
  };

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      warn(`request failed: ${String(err)}`);
      if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    // A client resetting the connection mid-handshake emits 'error' on the raw socket.
    socket.on('error', (err) => warn(`upgrade connection failed: ${err.message}`));
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const path = url.pathname;
    const verdict = checkOrigin(req.headers, port, true);
    const auth = checkToken(url, req.headers.cookie, port, opts.token);
    if (verdict.ok && !auth.ok) {
      warn(`refused WebSocket upgrade to ${path}: ${auth.reason}`);
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    url.searchParams.delete(TOKEN_PARAM);
    if (path === STREAM_PATH && verdict.ok && opts.engines) {
      const engines = opts.engines;
      let target;
      try {
        target = streamTarget(url, opts.service);
      } catch (err) {
        warn(`refused stream ${url.search}: ${err instanceof Error ? err.message : String(err)}`);
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => attachStreamSocket(ws, engines, target, warn));
      return;
    }
    if (path !== WS_PATH || !verdict.ok) {
      warn(`refused WebSocket upgrade to ${path}: ${verdict.ok ? 'wrong path' : verdict.reason}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachBridge(ws, opts.service, warn));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/${opts.token === null ? '' : `?${TOKEN_PARAM}=${opts.token}`}`,
    port,
    uploadDir: area.dir,
    close: async () => {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      await opts.engines?.closeAll();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await area.remove();
    },
  };
}
