// State of the compare view: which open documents are compared (in snapshot order), their
// parsed profiles (from the bridge's loadProfile verb), matching mode, table query, selection.
import { create } from 'zustand';
import type { MatchMode } from '../../../analysis/align';
import { naturalCompare } from '../../../analysis/compare';
import type { DocumentId, DocumentInfo, FileLike } from '../../../contract';
import type { Profile } from '../../../parsers/model';
import { asBridgeError, bridge } from '../bridge';
import { describeError } from '../bridge/errors';
import { useApp } from '../state/app-store';
import { DEFAULT_QUERY, type RowQuery } from './compare-model';

export interface Slot {
  readonly id: DocumentId;
  readonly name: string;
  readonly profile?: Profile;
  readonly error?: string;
}

export type ComparePane = 'stacks' | 'flame' | 'series';

export interface CompareState {
  active: boolean;
  slots: Slot[];
  /** Order by capture time when every snapshot records one; off after a manual swap. */
  autoOrder: boolean;
  mode: MatchMode;
  query: RowQuery;
  selected: string | null;
  pane: ComparePane;
  /** Value column of sample profiles in the flame graph. */
  sampleIndex: number;
  set(p: Partial<Omit<CompareState, 'set'>>): void;
}

export const useCompare = create<CompareState>()((set) => ({
  active: false,
  slots: [],
  autoOrder: true,
  mode: 'stack',
  query: DEFAULT_QUERY,
  selected: null,
  pane: 'flame',
  sampleIndex: -1,
  set: (p) => set(p),
}));

function patchSlot(id: DocumentId, patch: Partial<Slot>): void {
  useCompare.setState((s) => ({ slots: s.slots.map((x) => (x.id === id ? { ...x, ...patch } : x)) }));
}

async function load(id: DocumentId): Promise<void> {
  try {
    patchSlot(id, { profile: await bridge().loadProfile(id), error: undefined });
  } catch (err) {
    const e = asBridgeError(err);
    patchSlot(id, { error: `${describeError(e)} ${e.message}` });
  }
}

/** Shows the compare view with these documents added (a batch is ordered by name first). */
export function openCompare(docs: readonly Pick<DocumentInfo, 'id' | 'name'>[] = []): void {
  const s = useCompare.getState();
  const have = new Set(s.slots.map((x) => x.id));
  const fresh = docs.filter((d) => !have.has(d.id)).sort((a, b) => naturalCompare(a.name, b.name));
  s.set({ active: true, slots: [...s.slots, ...fresh.map((d) => ({ id: d.id, name: d.name }))], selected: null });
  for (const d of fresh) void load(d.id);
}

export function closeCompare(): void {
  useCompare.getState().set({ active: false });
}

export function removeSlot(id: DocumentId): void {
  useCompare.setState((s) => ({ slots: s.slots.filter((x) => x.id !== id), selected: null }));
}

export function swapSlots(): void {
  useCompare.setState((s) => ({ slots: [...s.slots].reverse(), autoOrder: false, selected: null }));
}

export function clearSlots(): void {
  useCompare.setState({ slots: [], selected: null, autoOrder: true });
}

/** Opens dropped or picked files (uploads in browser mode) and compares them. */
export async function compareFiles(files: readonly FileLike[]): Promise<void> {
  const app = useApp.getState();
  app.set({ busy: true, error: null });
  const docs: DocumentInfo[] = [];
  try {
    for (const f of files) {
      const d = await bridge().openDropped(f);
      useApp.getState().addDoc(d);
      docs.push(d);
    }
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  } finally {
    useApp.getState().set({ busy: false, progress: null });
  }
  openCompare(docs);
}

/** The browser's picker with several files allowed; resolves [] when cancelled. */
export function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.hidden = true;
    input.setAttribute('data-testid', 'compare-file-input');
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** "Add snapshots…": the browser uploads several files; Electron's dialog opens one at a time. */
export async function addSnapshots(): Promise<void> {
  if (useApp.getState().info?.mode === 'browser') {
    const files = await pickFiles();
    if (files.length > 0) await compareFiles(files);
    return;
  }
  try {
    const d = await bridge().openFile();
    if (d) {
      useApp.getState().addDoc(d);
      openCompare([d]);
    }
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  }
}

/** File › Compare… in Electron; also keeps the slot list in step with closed documents. */
export function connectCompare(): () => void {
  const b = bridge();
  const offs = [
    b.onCompareRequested((ids) => {
      const docs = useApp.getState().docs;
      openCompare(ids.map((id) => docs.find((d) => d.id === id) ?? { id, name: id }));
    }),
    b.onDocumentClosed((id) => removeSlot(id)),
  ];
  return () => offs.forEach((off) => off());
}
