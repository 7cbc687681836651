// Several files dropped at once: when exactly one is an execution trace, the others (profiles,
// dumps) are evidence for it, one document with one fused analysis; otherwise the caller does what
// it did before (compare them). Sniffed from the first bytes as the one door does (parsers/open-input.ts), never the name.
import type { FileLike } from '../../../contract';
import { SNIFF_BYTES, sniff } from '../../../parsers/open-input';
import { asBridgeError, bridge } from '../bridge';
import { useApp } from '../state/app-store';
import { addEvidenceFiles } from './hunt-store';

/** True when the drop was a trace with evidence (and is handled); false leaves it to the caller. */
export async function openTraceWithEvidence(files: readonly File[]): Promise<boolean> {
  const kinds = await Promise.all(files.map(async (f) => sniff(new Uint8Array(await f.slice(0, SNIFF_BYTES).arrayBuffer()))));
  const traces = files.filter((_f, i) => kinds[i] === 'go-trace');
  if (traces.length !== 1) return false;
  const evidence: FileLike[] = files.filter((f, i) => f !== traces[0] && kinds[i] !== 'unknown');
  try {
    const doc = await bridge().openDropped(traces[0]);
    useApp.getState().addDoc(doc);
    await addEvidenceFiles(doc.id, evidence);
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  }
  return true;
}
