// What the UI does, in one place: every bridge call goes through here so errors and the busy
// flag are handled the same way for the button, drag and drop and the recent list.
import type { DocumentId, DocumentInfo, FileLike } from '../../../contract';
import { asBridgeError, bridge } from '../bridge';
import { syncDocuments } from '../document/documents';
import { useApp } from './app-store';
import { openSample as uploadSample } from './sample';
import { openCompare } from '../compare/compare-store';

async function run(task: () => Promise<DocumentInfo | null>): Promise<void> {
  const s = useApp.getState();
  s.set({ busy: true, error: null });
  try {
    const doc = await task();
    if (doc) {
      useApp.getState().addDoc(doc);
      void refreshRecent();
    }
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  } finally {
    useApp.getState().set({ busy: false, progress: null });
  }
}

export const openFile = () => run(() => bridge().openFile());
export const openPath = (path: string) => run(() => bridge().openPath(path));
export const openDropped = (file: FileLike) => run(() => bridge().openDropped(file));
export const openSample = () => run(() => uploadSample());

export async function closeDocument(id: DocumentId): Promise<void> {
  try {
    await bridge().closeDocument(id);
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  }
  useApp.getState().removeDoc(id);
}

/** Loads what the Node side already knows and subscribes to its events; returns the unsubscriber. */
export function connect(): () => void {
  const b = bridge();
  const app = useApp.getState();
  const offs = [
    // Every document in the list has a stream (and so an engine); closing a tab releases both.
    useApp.subscribe((s, prev) => {
      if (s.docs !== prev.docs) syncDocuments(s.docs);
    }),
    b.onDocumentOpened((doc) => useApp.getState().addDoc(doc)),
    b.onDocumentClosed((id) => useApp.getState().removeDoc(id)),
    b.onProgress((p) => useApp.getState().set({ progress: p })),
    b.onMenuCommand((command) => {
      const active = useApp.getState().activeId;
      if (command === 'close-document' && active) void closeDocument(active);
    }),
  ];
  void (async () => {
    try {
      const [info, docs, recent] = await Promise.all([b.getVersion(), b.listDocuments(), b.listRecent()]);
      app.set({ info, recent });
      for (const d of docs) useApp.getState().addDoc(d);
      openRequestedSeries(docs);
    } catch (err) {
      useApp.getState().set({ error: asBridgeError(err) });
    }
  })();
  return () => offs.forEach((off) => off());
}

/**
 * `leakline serve a.pb.gz b.pb.gz c.pb.gz` names goroutine profiles of one process: the address it
 * prints carries `compare=<ids>` and the page opens them as a series (cli/serve-grouping.ts). Once.
 */
function openRequestedSeries(docs: readonly DocumentInfo[]): void {
  const url = new URL(window.location.href);
  const ids = url.searchParams.get('compare')?.split(',') ?? [];
  if (ids.length === 0) return;
  url.searchParams.delete('compare');
  window.history.replaceState(window.history.state, '', url.href);
  const chosen = docs.filter((d) => ids.includes(d.id));
  if (chosen.length >= 2) openCompare(chosen);
}

export async function refreshRecent(): Promise<void> {
  try {
    useApp.getState().set({ recent: await bridge().listRecent() });
  } catch {
    // the list is a convenience; a failure here must not hide the real error banner
  }
}
