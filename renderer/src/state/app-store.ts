import { create } from 'zustand';
import type { AppInfo, BridgeError, DocumentId, DocumentInfo, ProgressEvent, RecentFile } from '../../../contract';

export interface AppState {
  info: AppInfo | null;
  docs: DocumentInfo[];
  activeId: DocumentId | null;
  recent: RecentFile[];
  error: BridgeError | null;
  progress: ProgressEvent | null;
  /** True while a verb the user started is in flight (Open…, drop). */
  busy: boolean;
  /** A stack frame's source file that did not open (not on this machine): offered path remapping. */
  missingSource: string | null;
  addDoc(doc: DocumentInfo): void;
  removeDoc(id: DocumentId): void;
  setActive(id: DocumentId): void;
  set(partial: Partial<Pick<AppState, 'info' | 'recent' | 'error' | 'progress' | 'busy' | 'missingSource'>>): void;
}

export const useApp = create<AppState>()((set) => ({
  info: null,
  docs: [],
  activeId: null,
  recent: [],
  error: null,
  progress: null,
  busy: false,
  missingSource: null,
  // A document arrives twice (the call's result and the documentOpened event): keep one.
  addDoc: (doc) =>
    set((s) => (s.docs.some((d) => d.id === doc.id) ? { activeId: doc.id } : { docs: [...s.docs, doc], activeId: doc.id })),
  removeDoc: (id) =>
    set((s) => {
      const docs = s.docs.filter((d) => d.id !== id);
      const activeId = s.activeId === id ? (docs[docs.length - 1]?.id ?? null) : s.activeId;
      return { docs, activeId };
    }),
  setActive: (id) => set({ activeId: id }),
  set: (partial) => set(partial),
}));
