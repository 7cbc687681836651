// Browser mode's file picker and drag and drop: the browser streams the chosen file here; it is
// written to the server's private upload folder (upload-area.ts: quota, crash clean-up) and
// opened like any other path. A refused, broken or unusable upload leaves no file behind.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { DocumentInfo, HuntState } from '../../contract';
import { BridgeFault } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { validateDocumentId } from '../service/validate';
import type { UploadArea } from './upload-area';

/** The largest trace we expect is a few GiB; 64 GiB only guards against a runaway sender (the quota is the real bound). */
export const MAX_UPLOAD_BYTES = 64 * 2 ** 30;
/** Progress at most every 4 MiB: 250 events for a 1 GiB upload. */
const PROGRESS_STEP_BYTES = 4 * 2 ** 20;

/** Keeps letters, digits, dot, dash, underscore; the original name is shown, this one stored. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_').slice(0, 120);
  return cleaned || 'upload';
}

export async function receiveUpload(
  req: IncomingMessage,
  url: URL,
  area: UploadArea,
  seq: number,
  service: BridgeService,
): Promise<DocumentInfo | HuntState> {
  const name = url.searchParams.get('name') ?? '';
  // `?evidenceFor=doc-N`: the file is evidence for an open document (leak hunt), not a new tab.
  const evidenceParam = url.searchParams.get('evidenceFor');
  const evidenceFor = evidenceParam === null ? null : validateDocumentId(evidenceParam);
  if (evidenceFor !== null) service.getDocument(evidenceFor);
  else service.assertRoomForDocument(); // refused before a byte is stored
  if (!name || name.length > 1024) throw new BridgeFault('bad-request', 'upload needs a file name');
  const lengthHeader = req.headers['content-length'];
  const total = lengthHeader === undefined ? -1 : Number(lengthHeader);
  if (!Number.isSafeInteger(total) || total < -1) throw new BridgeFault('bad-request', 'bad content-length');
  if (total > MAX_UPLOAD_BYTES) throw new BridgeFault('too-large', `${name}: larger than ${MAX_UPLOAD_BYTES} bytes`);

  const target = `upload-${seq}`;
  const fileName = `${seq}-${safeFileName(name)}`;
  const path = join(area.dir, fileName);
  const claim = await area.claim(fileName, name, total);
  let done = 0;
  try {
    const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
    let lastReported = 0;
    await new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        req.unpipe(out);
        out.destroy();
        reject(err);
      };
      req.on('data', (chunk: Buffer) => {
        done += chunk.length;
        if (done > MAX_UPLOAD_BYTES || (total >= 0 && done > total)) {
          fail(new BridgeFault('too-large', `${name}: more bytes than announced`));
          return;
        }
        try {
          claim.grow(chunk.length);
        } catch (err) {
          fail(err as Error);
          return;
        }
        if (done - lastReported >= PROGRESS_STEP_BYTES) {
          lastReported = done;
          service.emit('progress', { target, phase: 'upload', bytesDone: done, bytesTotal: total });
        }
      });
      req.on('error', fail);
      req.on('aborted', () => fail(new BridgeFault('io', `${name}: upload aborted`)));
      out.on('error', fail);
      out.on('finish', () => resolve());
      req.pipe(out);
    });
    if (total >= 0 && done !== total) throw new BridgeFault('io', `${name}: received ${done} of ${total} bytes`);
  } catch (err) {
    // A refused or broken upload leaves nothing behind.
    claim.end(false);
    await rm(path, { force: true });
    throw err;
  }
  claim.end(true);
  service.emit('progress', { target, phase: 'upload', bytesDone: done, bytesTotal: done });
  try {
    if (evidenceFor !== null) return await service.hunt.addEvidence(evidenceFor, path, name, true);
    return await service.openPath(path, { displayName: name });
  } catch (err) {
    // Unusable evidence, or the document limit reached meanwhile: the copy has no owner.
    await rm(path, { force: true });
    throw err;
  }
}
