// Resource limits of `leakline serve` against live servers: at most N documents (each with its
// engine worker), a quota on uploaded bytes held at once, no file left behind by a refused or
// broken upload, uploaded evidence deleted with its hunt, and upload folders of crashed servers
// removed at the next start.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentInfo, HuntState } from '../../../contract';
import { parseMaxDocuments, parseUploadQuota } from '../../../cli/commands/serve';
import { formatBytes, parseByteSize, UPLOAD_DIR_PREFIX } from '../../../main/serve/upload-area';
import { fixtures, realworldTraces } from '../../support/corpus';
import { bridgeCall, httpRequest, startLive, type LiveServer } from '../../support/live-serve';

let live: LiveServer | undefined;
afterEach(async () => {
  await live?.server.close();
  live = undefined;
});

const traces = realworldTraces().filter((t) => t.size > 100_000 && t.size < 4_000_000);
const uploadHeaders = (l: LiveServer) => ({ ...l.own, 'x-leakline-upload': '1' });
const upload = (l: LiveServer, name: string, body: Uint8Array, query = '') =>
  httpRequest(l.server.port, 'POST', `/upload?name=${encodeURIComponent(name)}${query}`, uploadHeaders(l), body);
const files = (l: LiveServer) => readdirSync(l.server.uploadDir).sort();

/** An upload without Content-Length (chunked), as a client that does not announce its size sends. */
function chunkedUpload(l: LiveServer, name: string, chunks: Uint8Array[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port: l.server.port, method: 'POST', path: `/upload?name=${name}`, headers: { ...uploadHeaders(l), 'transfer-encoding': 'chunked' }, setHost: false },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may close the connection mid-body once the quota is exceeded.
    req.on('error', () => resolve({ status: -1, body: '' }));
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('document limit', () => {
  it('refuses the document past --max-documents, by path and by upload, and accepts again after a close', async () => {
    live = await startLive({ service: { maxDocuments: 3 } });
    const docs: DocumentInfo[] = [];
    for (const t of traces.slice(0, 3)) {
      const r = await bridgeCall(live, 'openPath', [t.path]);
      expect(r).toMatchObject({ ok: true });
      docs.push((r as { result: DocumentInfo }).result);
    }
    const refused = await bridgeCall(live, 'openPath', [traces[3].path]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'limit' } });
    expect(refused.kind === 'response' && !refused.ok && refused.error.message).toMatch(/3 documents are open, the most this server allows \(leakline serve --max-documents 3\)/);
    const bytes = readFileSync(traces[3].path);
    const up = await upload(live, 'fourth.trace', bytes);
    expect(up.status).toBe(429);
    expect(JSON.parse(up.body)).toMatchObject({ ok: false, error: { code: 'limit' } });
    expect(files(live)).toEqual([]); // refused before a byte was stored
    expect(live.service.listDocuments()).toHaveLength(3);
    await bridgeCall(live, 'closeDocument', [docs[0].id]);
    expect((await upload(live, 'fourth.trace', bytes)).status).toBe(200);
    expect(live.service.engineStatus().openDocuments).toBe(3);
  });

  it('the CLI defaults to 16 documents and checks the flag', () => {
    expect(parseMaxDocuments(undefined)).toBe(16);
    expect(parseMaxDocuments('4')).toBe(4);
    for (const bad of ['0', '-1', 'x', '99999']) expect(() => parseMaxDocuments(bad)).toThrow(/--max-documents needs/);
  });
});

describe('upload quota', () => {
  it('refuses an upload that would exceed the quota, and accepts it once room is freed', async () => {
    const [t] = traces;
    const bytes = readFileSync(t.path);
    live = await startLive({ serve: { uploadQuotaBytes: Math.floor(bytes.length * 1.5) } });
    const first = await upload(live, t.file, bytes);
    expect(first.status).toBe(200);
    const second = await upload(live, t.file, bytes);
    expect(second.status).toBe(429);
    expect(JSON.parse(second.body).error.message).toMatch(/exceed its quota of .* \(leakline serve --upload-quota\)/);
    expect(files(live)).toHaveLength(1);
    await bridgeCall(live, 'closeDocument', [(JSON.parse(first.body) as { result: DocumentInfo }).result.id]);
    expect(files(live)).toEqual([]);
    expect((await upload(live, t.file, bytes)).status).toBe(200);
  });

  it('a chunked upload is counted as it arrives: cut off past the quota, nothing left behind', async () => {
    const [t] = traces;
    const bytes = new Uint8Array(readFileSync(t.path));
    live = await startLive({ serve: { uploadQuotaBytes: Math.floor(bytes.length / 2) } });
    const chunks = [0, 1, 2, 3].map((i) => bytes.subarray((i * bytes.length) / 4, ((i + 1) * bytes.length) / 4));
    const r = await chunkedUpload(live, t.file, chunks);
    expect([429, -1]).toContain(r.status);
    await expect.poll(() => files(live!)).toEqual([]);
    expect(live.service.listDocuments()).toEqual([]);
  });

  it('two uploads started together cannot both pass: the announced length is claimed at once', async () => {
    const [t] = traces;
    const bytes = readFileSync(t.path);
    live = await startLive({ serve: { uploadQuotaBytes: Math.floor(bytes.length * 1.5) } });
    const both = await Promise.all([upload(live, 'a.trace', bytes), upload(live, 'b.trace', bytes)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 429]);
    expect(files(live)).toHaveLength(1);
  });

  it('uploaded evidence is deleted when removed from the hunt and when its document closes', async () => {
    live = await startLive();
    const dir = fixtures('go1.26', 'chan-recv-no-sender');
    const doc = (JSON.parse((await upload(live, 'trace.out', readFileSync(join(dir, 'trace.out')))).body) as { result: DocumentInfo }).result;
    const evidence = async () => {
      const r = await upload(live!, 'goroutine.pb.gz', readFileSync(join(dir, 'goroutine.pb.gz')), `&evidenceFor=${doc.id}`);
      expect(r.status, r.body).toBe(200);
      return (JSON.parse(r.body) as { result: HuntState }).result.evidence[0].path;
    };
    const first = await evidence();
    expect(existsSync(first)).toBe(true);
    await bridgeCall(live, 'removeEvidence', [doc.id, first]);
    expect(existsSync(first)).toBe(false);
    const second = await evidence();
    await bridgeCall(live, 'closeDocument', [doc.id]);
    expect(existsSync(second)).toBe(false);
    expect(files(live)).toEqual([]);
  });

  it('unusable evidence is refused and its copy deleted', async () => {
    live = await startLive();
    const dir = fixtures('go1.26', 'chan-recv-no-sender');
    const doc = (JSON.parse((await upload(live, 'trace.out', readFileSync(join(dir, 'trace.out')))).body) as { result: DocumentInfo }).result;
    const r = await upload(live, 'notes.txt', new TextEncoder().encode('just some notes\n'), `&evidenceFor=${doc.id}`);
    expect(r.status).toBe(400);
    expect(files(live)).toEqual([readdirSync(live.server.uploadDir).find((f) => f.endsWith('trace.out'))]);
  });

  it('sizes read as the CLI takes them', () => {
    expect(parseByteSize('8GiB')).toBe(8 * 2 ** 30);
    expect(parseByteSize('500M')).toBe(500 * 2 ** 20);
    expect(parseByteSize('1234')).toBe(1234);
    expect(parseByteSize('lots')).toBeNull();
    expect(parseUploadQuota(undefined)).toBe(8 * 2 ** 30);
    expect(() => parseUploadQuota('0')).toThrow(/--upload-quota needs/);
    expect(formatBytes(8 * 2 ** 30)).toBe('8 GiB');
  });
});

describe('upload folders of crashed servers', () => {
  it('are removed at the next start when their server is gone; live, foreign and linked ones stay', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'leakline-tmp-'));
    // A server that died without cleaning up: its pid is that of a process that has exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadDir = join(parent, `${UPLOAD_DIR_PREFIX}${dead.stdout}-Ab12Cd`);
    mkdirSync(deadDir);
    writeFileSync(join(deadDir, '1-trace.out'), new Uint8Array(4096));
    // Still running (this test's parent process), and a name that is not ours.
    const aliveDir = join(parent, `${UPLOAD_DIR_PREFIX}${process.ppid}-Xy34Zw`);
    mkdirSync(aliveDir);
    const otherDir = join(parent, 'leakline-renderer-Qq11Qq');
    mkdirSync(otherDir);
    // A link with a dead server's name is not followed (its target is not ours to delete).
    const target = mkdtempSync(join(tmpdir(), 'leakline-target-'));
    writeFileSync(join(target, 'keep.txt'), 'keep');
    symlinkSync(target, join(parent, `${UPLOAD_DIR_PREFIX}${dead.stdout}-Lk56Lk`));

    live = await startLive({ serve: { tempDir: parent } });
    expect(existsSync(deadDir)).toBe(false);
    expect(existsSync(aliveDir)).toBe(true);
    expect(existsSync(otherDir)).toBe(true);
    expect(existsSync(join(target, 'keep.txt'))).toBe(true);
    expect(live.warnings.join('\n')).toContain(`removed 1 upload folder(s) (4 KiB) left by a leakline serve that did not exit cleanly: ${deadDir}`);
    expect(live.server.uploadDir.startsWith(join(parent, `${UPLOAD_DIR_PREFIX}${process.pid}-`))).toBe(true);
  });
});
