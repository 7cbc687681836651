// Parses a trace File off the main thread and runs the leak analysis on it: the in-browser path
// for documents the renderer holds the bytes of (browser-mode uploads, the sample), used until
// the engine serves the document. Posts progress per generation, then the model and verdicts.
import { analyze } from '../../../analysis/analyze';
import type { ByteSource } from '../../../parsers/model';
import { ParseError } from '../../../parsers/model/errors';
import { parseTrace } from '../../../parsers/trace';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

function blobSource(file: Blob & { name: string }): ByteSource {
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, Math.min(file.size, offset + length)).arrayBuffer()),
  };
}

const post = (msg: WorkerReply) => (self as unknown as Worker).postMessage(msg);

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const { file } = e.data;
  try {
    const model = await parseTrace(blobSource(file), {
      onChunk: (c) => post({ kind: 'progress', bytesRead: c.bytesRead, bytesTotal: c.bytesTotal }),
    });
    const analysis = analyze([{ file: file.name, trace: model }]);
    // ParseError is a class: structured clone would drop its code, so it crosses as plain data.
    const partial = model.partial ? { code: model.partial.code, message: model.partial.message, offset: model.partial.offset } : undefined;
    post({ kind: 'done', model: { ...model, partial: partial as ParseError | undefined }, analysis });
  } catch (err) {
    const pe = err instanceof ParseError ? err : null;
    post({ kind: 'error', code: pe?.code ?? 'internal', message: err instanceof Error ? err.message : String(err) });
  }
};
