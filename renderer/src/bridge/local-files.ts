// Files the user handed to this page (browser mode uploads, the sample). The renderer can parse
// these itself while the engine is not available for a document.
import type { DocumentId } from '../../../contract';

const files = new Map<DocumentId, Blob & { name: string }>();

const waiters = new Map<DocumentId, Set<() => void>>();

export function rememberLocalFile(id: DocumentId, file: Blob & { name: string }): void {
  files.set(id, file);
  for (const w of waiters.get(id) ?? []) w();
  waiters.delete(id);
}

/**
 * Calls `cb` once the file of `id` is known. The server announces an upload (documentOpened)
 * before the upload's HTTP response reaches us, so a view can mount before the file is here.
 */
export function whenLocalFile(id: DocumentId, cb: () => void): () => void {
  if (files.has(id)) {
    cb();
    return () => {};
  }
  let set = waiters.get(id);
  if (!set) waiters.set(id, (set = new Set()));
  set.add(cb);
  return () => set.delete(cb);
}

export function localFile(id: DocumentId): (Blob & { name: string }) | undefined {
  return files.get(id);
}

export function forgetLocalFile(id: DocumentId): void {
  files.delete(id);
}
