// Opening a stack frame in the user's editor goes through the bridge (main validates the path,
// applies the path remapping and runs the configured editor).
import type { Frame } from '../../../parsers/model';
import { asBridgeError, bridge } from '../bridge';
import { useApp } from '../state/app-store';

export async function openFrame(f: Frame): Promise<void> {
  if (!f.file) return;
  try {
    await bridge().openInEditor({ file: f.file, line: Math.max(1, f.line) });
  } catch (err) {
    useApp.getState().set({ error: asBridgeError(err) });
  }
}
