// Hostile profiles made from real ones (the one allowed kind of hand-made input: targeted
// corruption). A real `.pb.gz` from test/fixtures is decoded with the project's own protobuf
// code, one of its locations is given many inlined lines, samples are made to point at it many
// times, and the result is re-encoded and gzipped. A few hundred KiB then stand for billions of
// stack frames once expanded.
import { readFileSync } from 'node:fs';
import { gunzip } from '../../../parsers/pprof/gunzip';
import { perftools } from '../../../parsers/pprof/generated/profile.js';
import '../../../parsers/pprof/decode'; // installs the fast Sample decoder the parser uses
import { fixtures } from '../../support/corpus';

type Msg = Record<string, unknown>;

export interface Amplification {
  /** Inlined lines given to the chosen location (its one line repeated). */
  linesPerLocation: number;
  /** Location references per sample (all to the chosen location but one, which varies). */
  refsPerSample: number;
  /** Samples in the result (each distinct, so nothing merges them). */
  samples: number;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const s = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(s).arrayBuffer());
}

/** The real profile `rel` (under test/fixtures), amplified; returns the gzipped bytes. */
export async function amplifiedProfile(rel: string, a: Amplification): Promise<Uint8Array> {
  const raw = await gunzip(new Uint8Array(readFileSync(fixtures(rel))), 64 << 20);
  const p = perftools.profiles.Profile.decode(raw) as unknown as Msg;
  const locations = p['location'] as Msg[];
  const samples = p['sample'] as Msg[];
  // The location with a line (a function), used as the inlined chain; another as the varying one.
  const target = locations.find((l) => ((l['line'] as unknown[]) ?? []).length > 0)!;
  const other = locations.find((l) => l !== target)!;
  const line = (target['line'] as Msg[])[0];
  target['line'] = Array.from({ length: a.linesPerLocation }, () => ({ ...line }));
  const template = samples[0];
  const out: Msg[] = [];
  for (let i = 0; i < a.samples; i++) {
    const ids = new Array<unknown>(a.refsPerSample).fill(target['id']);
    ids[i % a.refsPerSample] = other['id']; // distinct stacks: nothing dedupes them
    if (i >= a.refsPerSample) ids[(i * 7) % a.refsPerSample] = other['id'];
    out.push({ ...template, locationId: ids, label: [] });
  }
  p['sample'] = out;
  const bytes = perftools.profiles.Profile.encode(p as never).finish();
  return gzip(bytes);
}
