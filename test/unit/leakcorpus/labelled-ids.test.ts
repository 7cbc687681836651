// The labelled leak corpus (test/corpus/leaks, docs/leak-corpus.md) read through Leakline's own
// parsers: every goroutine a labels.json names is in trace.out and ends it Waiting, is in the
// run's goroutine.debug2.txt with the labelled wait reason, and — where it is labelled
// gc-proof — marked (leaked) in goroutineleak.debug2.txt. The profiles parse too. The labels
// come from the Go harness (test/leakcorpus), not from these parsers, so this is what lets the
// evaluation join the three inputs by goroutine id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { GoState } from '../../../parsers/model/goroutine-state';
import type { GoroutineProfile } from '../../../parsers/model/profile-model';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { parsePprof } from '../../../parsers/pprof/index';
import { parseTrace } from '../../../parsers/trace/index';
import { corpus } from '../../support/corpus';

interface Label {
  id: number;
  label: 'leaked' | 'healthy';
  how: 'gc-proof' | 'release' | 'default';
  startFunc: string;
  waitReason: string;
}
interface Labels {
  program: string;
  kind: 'program' | 'suite';
  goroutines: Label[];
}

const ROOT = corpus('leaks');
const TOOLCHAINS = ['go1.27', 'go1.23'];

function runsOf(toolchain: string, family: string): string[] {
  const dir = join(ROOT, toolchain, family);
  return readdirSync(dir)
    .map((p) => join(dir, p))
    .filter((d) => existsSync(join(d, 'labels.json')))
    .sort();
}

async function text(dir: string, file: string): Promise<GoroutineProfile> {
  return parseGoroutineText(bytesSource(file, new Uint8Array(readFileSync(join(dir, file)))));
}

async function checkRun(dir: string): Promise<number> {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
  const trace = await parseTrace(bytesSource('trace.out', new Uint8Array(readFileSync(join(dir, 'trace.out')))));
  expect(trace.partial, `${dir}/trace.out`).toBeUndefined();
  const row = new Map<number, number>();
  for (let i = 0; i < trace.goroutines.count; i++) row.set(trace.goroutines.id[i], i);

  const dump = await text(dir, 'goroutine.debug2.txt');
  expect(dump.partial, `${dir}/goroutine.debug2.txt`).toBeUndefined();
  const state = new Map((dump.goroutines ?? []).map((g) => [g.id, g.state]));

  const hasLeakProfile = existsSync(join(dir, 'goroutineleak.debug2.txt'));
  const proven = new Set<number>();
  if (hasLeakProfile) {
    const leak = await text(dir, 'goroutineleak.debug2.txt');
    for (const g of leak.goroutines ?? []) if (g.leaked) proven.add(g.id);
  }

  for (const g of labels.goroutines) {
    const where = `${labels.program} (${dir.split('/').slice(-3, -2)[0]}) g${g.id} ${g.startFunc}`;
    const r = row.get(g.id);
    expect(r, `${where}: not in trace.out`).toBeDefined();
    expect(trace.goroutines.finalState[r!], `${where}: state at the end of trace.out`).toBe(GoState.Waiting);
    expect(state.get(g.id), `${where}: state in goroutine.debug2.txt`).toBe(g.waitReason);
    expect(proven.has(g.id), `${where}: (leaked) in goroutineleak.debug2.txt`).toBe(g.how === 'gc-proof');
  }

  const profiles = ['goroutine.pb.gz', ...(hasLeakProfile ? ['goroutineleak.pb.gz'] : [])];
  for (const f of profiles) {
    const p = await parsePprof(bytesSource(f, new Uint8Array(readFileSync(join(dir, f)))));
    expect(p.kind, `${dir}/${f}`).toBe('goroutines');
    // The harness takes the leak profile between two debug=2 captures that agree, so the
    // proto counts exactly the goroutines debug=2 marks (suites take one of each: not held).
    if (f === 'goroutineleak.pb.gz' && labels.kind === 'program' && p.kind === 'goroutines') {
      expect(p.total, `${dir}/${f} total`).toBe(proven.size);
    }
  }
  return labels.goroutines.length;
}

describe('labelled leak corpus: ids line up across trace, dumps and labels', () => {
  it('finds both toolchains', () => {
    for (const tc of TOOLCHAINS) expect(existsSync(join(ROOT, tc)), `${ROOT}/${tc}`).toBe(true);
  });
  for (const tc of TOOLCHAINS) {
    const families = existsSync(join(ROOT, tc)) ? readdirSync(join(ROOT, tc)).sort() : [];
    for (const family of families) {
      it(`${tc}/${family}`, async () => {
        const runs = runsOf(tc, family);
        expect(runs.length).toBeGreaterThan(0);
        for (const dir of runs) await checkRun(dir);
      });
    }
  }
});
