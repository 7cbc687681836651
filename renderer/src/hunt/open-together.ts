// Several files dropped at once: when exactly one is an execution trace, the others (profiles,
// dumps) are evidence for it, one document with one fused analysis; otherwise each opens in its
// own tab as before. Sniffed from the first bytes (parsers/sniff.ts), never from the name.
import type { FileLike } from '../../../contract';
import { sniff } from '../../../parsers/sniff';
import { asBridgeError, bridge } from '../bridge';
import { openDropped } from '../state/actions';
import { useApp } from '../state/app-store';
import { addEvidenceFiles } from './hunt-store';

/** Sniffing looks at the first MiB, as the engine does. */
const HEAD = 1 << 20;

export async function openTogether(files: readonly File[]): Promise<void> {
  if (files.length > 1) {
    const kinds = await Promise.all(files.map(async (f) => sniff(new Uint8Array(await f.slice(0, HEAD).arrayBuffer()))));
    const traces = files.filter((_f, i) => kinds[i] === 'go-trace');
    if (traces.length === 1) {
      const evidence: FileLike[] = files.filter((f, i) => f !== traces[0] && kinds[i] !== 'unknown');
      try {
        const doc = await bridge().openDropped(traces[0]);
        useApp.getState().addDoc(doc);
        await addEvidenceFiles(doc.id, evidence);
      } catch (err) {
        useApp.getState().set({ error: asBridgeError(err) });
      }
      return;
    }
  }
  for (const f of files) await openDropped(f);
}
