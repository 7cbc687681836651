// The leak hunt per document, renderer side: the Node side's HuntState (evidence, project folder,
// rules) and its fused AnalysisResult. Every change goes through the bridge and re-reads both, so
// the panel always shows what an export (and the CLI) would say.
import { create } from 'zustand';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { BridgeError, DocumentId, FileLike, HuntIgnoreRules, HuntState } from '../../../contract';
import { asBridgeError, bridge } from '../bridge';
import { useApp } from '../state/app-store';

export interface HuntEntry {
  state: HuntState | null;
  result: AnalysisResult | null;
  /** A bridge call is in flight (analysis after a change, an upload). */
  busy: boolean;
  error: BridgeError | null;
  /** Index into result.verdicts of the selected suspect; −1 for none. */
  selected: number;
}

interface HuntStore {
  byDoc: Partial<Record<DocumentId, HuntEntry>>;
}

const EMPTY: HuntEntry = { state: null, result: null, busy: false, error: null, selected: -1 };

export const useHuntStore = create<HuntStore>()(() => ({ byDoc: {} }));

export function huntEntry(id: DocumentId): HuntEntry {
  return useHuntStore.getState().byDoc[id] ?? EMPTY;
}

function patch(id: DocumentId, p: Partial<HuntEntry>): void {
  useHuntStore.setState((s) => ({ byDoc: { ...s.byDoc, [id]: { ...(s.byDoc[id] ?? EMPTY), ...p } } }));
}

export function useHunt(id: DocumentId): HuntEntry {
  return useHuntStore((s) => s.byDoc[id] ?? EMPTY);
}

/** Runs a change, then re-reads state and analysis; keeps the selected suspect by fingerprint. */
async function run(id: DocumentId, change?: () => Promise<HuntState | void>): Promise<void> {
  patch(id, { busy: true, error: null });
  const prev = huntEntry(id);
  const prevFp = prev.result?.verdicts[prev.selected]?.fingerprint;
  try {
    const changed = change ? await change() : undefined;
    const state = changed ?? (await bridge().huntState(id));
    patch(id, { state });
    const result = (await bridge().analyzeDocument(id)) as AnalysisResult;
    const selected = prevFp === undefined ? -1 : result.verdicts.findIndex((v) => v.fingerprint === prevFp);
    patch(id, { result, selected, busy: false });
    // An evidence upload reported progress; it is over.
    useApp.getState().set({ progress: null });
  } catch (err) {
    useApp.getState().set({ progress: null });
    patch(id, { busy: false, error: asBridgeError(err) });
    // The state may have changed even when the analysis failed (e.g. a broken .leakline.json).
    try {
      patch(id, { state: await bridge().huntState(id) });
    } catch {
      // the error above is the one worth showing
    }
  }
}

export const loadHunt = (id: DocumentId) => run(id);
export const addEvidenceFiles = (id: DocumentId, files: FileLike[]) => run(id, () => bridge().addEvidenceFiles(id, files));
export const pickEvidence = (id: DocumentId) => run(id, () => bridge().pickEvidence(id));
export const removeEvidence = (id: DocumentId, path: string) => run(id, () => bridge().removeEvidence(id, path));
export const setProjectFolder = (id: DocumentId, folder: string) => run(id, () => bridge().setProjectFolder(id, folder));
export const setIgnoreRules = (id: DocumentId, rules: HuntIgnoreRules) => run(id, () => bridge().setIgnoreRules(id, rules));

export function selectSuspect(id: DocumentId, index: number): void {
  patch(id, { selected: index });
}

/** J/K: the next (1) or previous (−1) suspect, wrapping; from none, J picks the first. */
export function stepSuspect(id: DocumentId, dir: 1 | -1): void {
  const e = huntEntry(id);
  const n = e.result?.verdicts.length ?? 0;
  if (n === 0) return;
  const next = e.selected < 0 ? (dir === 1 ? 0 : n - 1) : (e.selected + dir + n) % n;
  patch(id, { selected: next });
}

export function forgetHunt(id: DocumentId): void {
  useHuntStore.setState((s) => {
    const byDoc = { ...s.byDoc };
    delete byDoc[id];
    return { byDoc };
  });
}
