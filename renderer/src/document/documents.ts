// The renderer's open documents: one DocumentStore and one stream per document, kept in step with
// the app store's document list (a new tab opens its stream, a closed tab closes it, which makes
// the Node side terminate that document's engine).
import type { DocumentId, DocumentInfo, EngineError } from '../../../contract';
import { asBridgeError, bridge } from '../bridge';
import { DocumentStore } from './document-store';
import { attachStream, type StreamHandle } from './stream-client';

interface Entry {
  store: DocumentStore;
  handle: StreamHandle | null;
  closed: boolean;
}

const entries = new Map<DocumentId, Entry>();
const registryListeners = new Set<() => void>();

function notify(): void {
  for (const l of registryListeners) l();
}

/** Registry changes (a store appeared or went): the hook re-reads its store. */
export function subscribeDocuments(l: () => void): () => void {
  registryListeners.add(l);
  return () => registryListeners.delete(l);
}

export function documentStore(id: DocumentId | null): DocumentStore | undefined {
  return id === null ? undefined : entries.get(id)?.store;
}

function openStream(doc: DocumentInfo): void {
  const entry: Entry = { store: new DocumentStore(doc.name), handle: null, closed: false };
  entries.set(doc.id, entry);
  notify();
  bridge()
    .openStream(doc.id)
    .then((port) => {
      if (entry.closed) port.close();
      else entry.handle = attachStream(port, entry.store);
    })
    .catch((err: unknown) => {
      const e = asBridgeError(err);
      const error: EngineError = { code: e.code === 'not-found' ? 'io' : 'internal', message: e.message, offset: -1, offsetKind: 'byte', file: doc.name };
      entry.store.fail(error);
    });
}

function release(id: DocumentId): void {
  const entry = entries.get(id);
  if (!entry) return;
  entry.closed = true;
  entry.handle?.close();
  entries.delete(id);
  notify();
}

/** Opens streams for new documents and releases closed ones. */
export function syncDocuments(docs: readonly DocumentInfo[]): void {
  const ids = new Set(docs.map((d) => d.id));
  for (const id of [...entries.keys()]) if (!ids.has(id)) release(id);
  for (const d of docs) if (!entries.has(d.id)) openStream(d);
}

/** The Cancel button: the engine stops, what arrived stays (marked partial). */
export function cancelLoad(id: DocumentId): void {
  entries.get(id)?.handle?.cancel();
}
