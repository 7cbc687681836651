// The leak hunt per document, renderer side: the Node side's HuntState (evidence, project folder,
// rules) and its fused AnalysisResult. Every change goes through the bridge and re-reads both, so
// the panel shows what an export (and the CLI) would say. With no evidence and no rules the fused
// analysis equals the engine's own (analyze of the one file, no rules), so none is requested: a
// 200 MB trace is then parsed once, by the engine, not a second time on the Node side.
import { create } from 'zustand';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { BridgeError, DocumentId, FileLike, HuntIgnoreRules, HuntState } from '../../../contract';
import { asBridgeError, bridge } from '../bridge';
import { useApp } from '../state/app-store';

export interface HuntEntry {
  state: HuntState | null;
  /** The fused analysis when evidence or rules make it differ from the engine's; else null. */
  result: AnalysisResult | null;
  /** A bridge call is in flight (analysis after a change, an upload). */
  busy: boolean;
  error: BridgeError | null;
  /** Fingerprint of the selected suspect (stable across re-analyses); null for none. */
  selected: string | null;
}

interface HuntStore {
  byDoc: Partial<Record<DocumentId, HuntEntry>>;
}

const EMPTY: HuntEntry = { state: null, result: null, busy: false, error: null, selected: null };

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

function needsFused(s: HuntState): boolean {
  const r = s.rules;
  return s.evidence.length > 0 || r.topFunction.length + r.anyFunction.length + r.createdBy.length > 0;
}

/** Runs a change, then re-reads state and (when it differs from the engine's) the analysis. */
async function run(id: DocumentId, change?: () => Promise<HuntState | void>): Promise<void> {
  patch(id, { busy: true, error: null });
  try {
    const changed = change ? await change() : undefined;
    const state = changed ?? (await bridge().huntState(id));
    patch(id, { state });
    const result = needsFused(state) ? await bridge().analyzeDocument(id) : null;
    patch(id, { result, busy: false });
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
/** Electron: the native folder dialog (a typed path would be refused there: main/app/path-grants.ts). */
export const pickProjectFolder = (id: DocumentId) => run(id, () => bridge().pickProjectFolder(id));
export const setIgnoreRules = (id: DocumentId, rules: HuntIgnoreRules) => run(id, () => bridge().setIgnoreRules(id, rules));

export function selectSuspect(id: DocumentId, fingerprint: string | null): void {
  patch(id, { selected: fingerprint });
}

/** J/K over the shown list: the next (1) or previous (−1) suspect, wrapping; from none, J picks the first. */
export function stepSuspect(id: DocumentId, fingerprints: readonly string[], dir: 1 | -1): void {
  const n = fingerprints.length;
  if (n === 0) return;
  const sel = huntEntry(id).selected;
  const i = sel === null ? -1 : fingerprints.indexOf(sel);
  const next = i < 0 ? (dir === 1 ? 0 : n - 1) : (i + dir + n) % n;
  patch(id, { selected: fingerprints[next] });
}

export function forgetHunt(id: DocumentId): void {
  useHuntStore.setState((s) => {
    const byDoc = { ...s.byDoc };
    delete byDoc[id];
    return { byDoc };
  });
}
