// Opening a stack frame in the user's editor goes through the bridge (main validates the path,
// applies the path remapping and runs the configured editor).
import type { Frame } from '../../../parsers/model';
import { asBridgeError, bridge } from '../bridge';
import { useApp } from '../state/app-store';

export async function openFrame(f: Frame): Promise<void> {
  if (!f.file) return;
  try {
    await bridge().openInEditor({ file: f.file, line: Math.max(1, f.line) });
    useApp.getState().set({ missingSource: null });
  } catch (err) {
    const e = asBridgeError(err);
    // A path that is not on this machine (-trimpath, another machine) is fixed by path remapping,
    // which the details panel offers; "does not exist any more" would send the user looking for a deleted file.
    if (e.code === 'not-found' && !e.message.startsWith('Editor command')) useApp.getState().set({ missingSource: f.file });
    else useApp.getState().set({ error: e });
  }
}
