// Browser mode's side of the hunt over real sockets: evidence arrives as an upload tagged with
// `?evidenceFor=<doc>` and is attached (not opened as a tab); the native-dialog verbs are refused
// over the WebSocket; the exported report comes back over it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HuntState, WsServerFrame } from '../../../contract';
import { startServer, type RunningServer } from '../../../main/serve/server';
import { newToken } from '../../../main/serve/token';
import { tokenCookieHeader } from '../../support/live-serve';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { FIXTURES } from '../analysis/corpus';

const DIR = join(FIXTURES, 'go1.26/chan-recv-no-sender');
let server: RunningServer;
let service: BridgeService;
let host: string;
const token = newToken();

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'leakline-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  service = new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore() });
  server = await startServer({ service, rendererDir, port: 0, token });
  host = `127.0.0.1:${server.port}`;
});
afterAll(() => server.close());

function upload(name: string, body: Buffer, extra = ''): Promise<{ status: number; json: { ok: boolean; result?: unknown; error?: { code: string } } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, method: 'POST', path: `/upload?name=${encodeURIComponent(name)}${extra}`, headers: { host, origin: `http://${host}`, ...tokenCookieHeader(server.port, token), 'x-leakline-upload': '1', 'content-length': body.length } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as never }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function wsCall(verb: string, args: unknown[]): Promise<Extract<WsServerFrame, { kind: 'response' }>> {
  const ws = new WebSocket(`ws://${host}/bridge`, { origin: `http://${host}`, headers: tokenCookieHeader(server.port, token) });
  await new Promise((ok, fail) => (ws.once('open', ok), ws.once('error', fail)));
  try {
    const reply = new Promise<string>((ok) => ws.on('message', (d) => ok(String(d))));
    ws.send(JSON.stringify({ kind: 'request', seq: 7, verb, args }));
    return JSON.parse(await reply) as Extract<WsServerFrame, { kind: 'response' }>;
  } finally {
    ws.close();
  }
}

it('an evidence upload attaches to its document without opening a tab', async () => {
  const doc = await upload('trace.out', readFileSync(join(DIR, 'trace.out')));
  expect(doc.json.ok).toBe(true);
  const id = (doc.json.result as { id: string }).id;
  const before = service.listDocuments().length;
  const ev = await upload('goroutineleak.pb.gz', readFileSync(join(DIR, 'goroutineleak.pb.gz')), `&evidenceFor=${id}`);
  expect(ev.json.ok).toBe(true);
  expect((ev.json.result as HuntState).evidence.map((e) => e.name)).toEqual(['goroutineleak.pb.gz']);
  expect(service.listDocuments().length).toBe(before);
  const md = await wsCall('exportReport', [{ documentId: id, format: 'md' }]);
  expect(md.ok && (md.result as string)).toContain('proven');
  // Bad target documents are refused before anything is written.
  expect((await upload('x.pb.gz', Buffer.from('x'), '&evidenceFor=../../etc')).json.error?.code).toBe('bad-request');
  expect((await upload('x.pb.gz', Buffer.from('x'), '&evidenceFor=doc-999')).json.error?.code).toBe('not-found');
});

it('refuses the native-dialog verbs in browser mode', async () => {
  for (const verb of ['pickEvidence', 'saveReport', 'pickProjectFolder']) {
    const r = await wsCall(verb, verb === 'saveReport' ? [{ documentId: 'doc-1', format: 'md' }] : ['doc-1']);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('bad-request');
  }
});
