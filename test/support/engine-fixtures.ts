// Traces the engine tests stream: the real-world traces (test/corpus/realworld), plus the fixture
// corpus (test/fixtures/go1.*/<scenario>/trace.out). 'v2': Go 1.22+; 'v1': the real-world Go
// 1.11–1.21 traces and one fixture each of Go 1.19 and 1.21; 'all': every file (Go 1.10 included).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource } from '../../parsers/model/byte-source';
import { parseTrace } from '../../parsers/trace/parse-trace';
import { corpus, repoRoot } from './corpus';

export interface TraceFixture {
  label: string;
  path: string;
  header: string;
}

export function engineTraceFixtures(which: 'v2' | 'v1' | 'all' = 'v2'): TraceFixture[] {
  const out: TraceFixture[] = [];
  const rw = corpus('realworld', 'traces');
  const index = JSON.parse(readFileSync(join(rw, 'index.json'), 'utf8')) as { file: string; header: string }[];
  for (const e of index) out.push({ label: e.file, path: join(rw, e.file), header: e.header });
  const fx = join(repoRoot, 'test/fixtures');
  if (existsSync(fx)) {
    for (const ver of readdirSync(fx).filter((d) => d.startsWith('go1.'))) {
      for (const sc of readdirSync(join(fx, ver))) {
        const p = join(fx, ver, sc, 'trace.out');
        if (existsSync(p)) out.push({ label: `${ver}/${sc}`, path: p, header: `go ${ver.slice(2)} trace` });
      }
    }
  }
  if (which === 'v1') {
    return out.filter((f) => /^go 1\.(1[1-9]|2[01]) /.test(f.header) && (!f.label.includes('/') || f.label.endsWith('/http-handler-leak')));
  }
  return out.filter((f) => which === 'all' || /^go 1\.(2[2-9])/.test(f.header));
}

/** The v2 fixtures with their generation counts (by parseTrace), most generations first. */
let ranked: Promise<(TraceFixture & { generations: number })[]> | null = null;

export function byGenerations(): Promise<(TraceFixture & { generations: number })[]> {
  ranked ??= rank();
  return ranked.then((r) => r.slice());
}

async function rank(): Promise<(TraceFixture & { generations: number })[]> {
  const out: (TraceFixture & { generations: number })[] = [];
  for (const f of engineTraceFixtures()) {
    const m = await parseTrace(bytesSource(f.label, new Uint8Array(readFileSync(f.path))));
    out.push({ ...f, generations: m.generations });
  }
  return out.sort((a, b) => b.generations - a.generations);
}
