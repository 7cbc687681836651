// Several files at once (Open… with a multi-selection in browser mode, or a drop): files of one
// process open as one document — a trace with its profiles as evidence (hunt/open-together.ts) —
// and goroutine profiles without a trace form a series in the compare view. One file opens alone.
import type { FileLike } from '../../../contract';
import { compareFiles, useCompare } from '../compare/compare-store';
import { openTraceWithEvidence } from '../hunt/open-together';
import { pickFiles } from '../bridge/pick-file';
import { openDropped, openFile } from './actions';
import { useApp } from './app-store';

export async function openFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  if (useCompare.getState().active) return compareFiles(files);
  if (files.length >= 2 && (await openTraceWithEvidence(files))) return;
  if (files.length >= 2) return compareFiles(files);
  await openDropped(files[0] as FileLike);
}

/** Browser mode's Open…: the page's own picker, many files allowed. */
export async function pickAndOpenFiles(): Promise<void> {
  const files = await pickFiles();
  await openFiles(files);
}

/** Open…: many files in browser mode; Electron's native dialog (main) as before. */
export function openFilesCommand(): Promise<void> {
  return useApp.getState().info?.mode === 'browser' ? pickAndOpenFiles() : openFile();
}
