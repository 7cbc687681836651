// `leakline serve a b c`: files of one process open together, as a drop in the page would. A trace
// named with goroutine profiles opens as one document with them as evidence; goroutine profiles
// without a trace form a series in the compare view; anything else opens in its own tab.
// Traces are recognised from their 16-byte header (never parsed here: they can be gigabytes);
// profiles are parsed, as they are small, to tell goroutine profiles from heap or CPU ones.
import { open } from 'node:fs/promises';
import { sniff, SNIFF_BYTES } from '../parsers/open-input';
import { loadInput } from './report-inputs';

export interface ServeGroups {
  /** The one trace, when the files hold exactly one, with the goroutine profiles as its evidence. */
  readonly trace?: { readonly path: string; readonly evidence: readonly string[] };
  /** Goroutine profiles to compare as a series (two or more, no trace among the files). */
  readonly series: readonly string[];
  /** Everything else: one tab each. */
  readonly alone: readonly string[];
}

async function head(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function isGoroutineProfile(path: string): Promise<boolean> {
  try {
    const input = await loadInput(path, true);
    return !!input && 'profile' in input && input.profile.kind === 'goroutines';
  } catch {
    // Unreadable here: it opens in a tab of its own, where the page says what is wrong with it.
    return false;
  }
}

export async function groupServeFiles(files: readonly string[]): Promise<ServeGroups> {
  if (files.length < 2) return { series: [], alone: [...files] };
  const traces: string[] = [];
  const goroutines: string[] = [];
  const other: string[] = [];
  for (const f of files) {
    const format = sniff(await head(f));
    if (format === 'go-trace') traces.push(f);
    else if (format !== 'unknown' && (await isGoroutineProfile(f))) goroutines.push(f);
    else other.push(f);
  }
  if (traces.length === 1 && goroutines.length > 0) return { trace: { path: traces[0], evidence: goroutines }, series: [], alone: other };
  if (traces.length === 0 && goroutines.length >= 2) return { series: goroutines, alone: other };
  return { series: [], alone: [...files] };
}
