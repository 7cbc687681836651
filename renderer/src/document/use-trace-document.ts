// The hook views use to read a document (the timeline, summaries). Stable interface: see README.md.
import { useSyncExternalStore } from 'react';
import type { DocumentId } from '../../../contract';
import { DocumentStore, type DocumentSnapshot } from './document-store';
import { documentStore, subscribeDocuments } from './documents';

const NONE = new DocumentStore('').getSnapshot();

/**
 * The document's latest snapshot: `model` (TraceModel-shaped, growing while it loads), `verdicts`,
 * `progress`, `partial`, `error`, plus `profile`, `analysis`, `status`, `version`. A new object
 * arrives only when something changed, so components re-render only on new data.
 */
export function useTraceDocument(id: DocumentId | null): DocumentSnapshot {
  const store = useSyncExternalStore(subscribeDocuments, () => documentStore(id));
  return useSyncExternalStore(store ? store.subscribe : noop, store ? store.getSnapshot : () => NONE);
}

const noop = () => () => {};
