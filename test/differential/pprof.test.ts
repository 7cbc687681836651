// Differential test: every *.pb.gz of the fixture corpus (all Go versions, every profile type:
// goroutine, goroutineleak, heap, allocs, block, mutex, threadcreate, CPU) decoded by Leakline
// and by the Go oracle (github.com/google/pprof/profile, test/oracle). Compared: sample types,
// default sample type, period type and period, time and duration (exact int64 text), and every
// sample in file order (values, stack innermost-first with inlining expanded, string and numeric
// labels); then the public model (GoroutineProfile groups / SampleProfile samples) as a multiset.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import { decodeProfileBytes, detectProfileType, parsePprof, sampleFrames } from '../../parsers/pprof/index';
import type { Profile } from '../../parsers/model/profile-model';
import { stackSignature } from '../../parsers/model/stack';
import { repoRoot } from '../support/corpus';

interface OracleSample {
  values: number[];
  stack: string[];
  labels: Record<string, string[]>;
  numLabels: Record<string, number[]>;
}
interface OracleProfile {
  sampleTypes: { type: string; unit: string }[];
  defaultSampleType: string;
  periodType: { type: string; unit: string } | null;
  period: number;
  timeNanos: string;
  durationNanos: number;
  samples: OracleSample[];
}

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const oracleDir = path.join(repoRoot, 'test', 'oracle');

function profileFiles(): string[] {
  const out: string[] = [];
  for (const v of readdirSync(fixtures).sort()) {
    for (const s of readdirSync(path.join(fixtures, v)).sort()) {
      const dir = path.join(fixtures, v, s);
      for (const f of readdirSync(dir).sort()) if (f.endsWith('.pb.gz')) out.push(path.join(dir, f));
    }
  }
  return out;
}

function buildOracle(): string {
  const bin = path.join(mkdtempSync(path.join(os.tmpdir(), 'leakline-pprof-oracle-')), 'oracle');
  execFileSync('go', ['build', '-o', bin, '.'], { cwd: oracleDir, stdio: ['ignore', 'ignore', 'inherit'] });
  return bin;
}

const frameText = (f: { func: string; file: string; line: number }) => (f.file === '' && f.line === 0 && /^0x/.test(f.func) ? f.func : `${f.func} ${f.file}:${f.line}`);
const sortedKeys = <T>(o: Record<string, T>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));

/** The public model in the oracle's sample shape, order-independent. */
function modelSamples(p: Profile): string[] {
  const rows: string[] = [];
  if (p.kind === 'goroutines') {
    for (const g of p.groups) {
      const labels: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(g.labels ?? {})) labels[k] = [v];
      rows.push(JSON.stringify({ values: [g.count], stack: g.stack.map(frameText), labels: sortedKeys(labels), numLabels: {} }));
    }
  } else {
    for (const s of p.samples) {
      const labels: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(s.labels ?? {})) labels[k] = s.multiLabels?.[k] ? [...s.multiLabels[k]] : [v];
      rows.push(JSON.stringify({ values: s.exactValues ? s.exactValues.map(Number) : s.values, stack: p.stacks[s.stack].map(frameText), labels: sortedKeys(labels), numLabels: sortedKeys(s.numLabels ?? {}) }));
    }
  }
  return rows.sort();
}

const oracleRows = (o: OracleProfile) => o.samples.map((s) => JSON.stringify({ values: s.values, stack: s.stack, labels: sortedKeys(s.labels), numLabels: sortedKeys(s.numLabels) })).sort();

const files = profileFiles();
const oracle = buildOracle();

describe('differential: pprof parser vs google/pprof oracle', () => {
  it(`covers the corpus: ${files.length} profiles of every type`, () => {
    expect(files.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(files.map((f) => path.basename(f).replace(/(-\d+)?\.pb\.gz$/, '')));
    expect([...kinds].sort()).toEqual(['allocs', 'block', 'cpu', 'goroutine', 'goroutineleak', 'heap', 'mutex', 'threadcreate']);
  });

  for (const file of files) {
    const rel = path.relative(fixtures, file);
    it(rel, async () => {
      const want = JSON.parse(execFileSync(oracle, ['profile', file], { encoding: 'utf8', maxBuffer: 1 << 30 })) as OracleProfile;
      const bytes = new Uint8Array(readFileSync(file));

      // Decoder level, in file order.
      const d = await decodeProfileBytes(bytes);
      expect(d.warnings).toEqual([]);
      expect(d.sampleTypes).toEqual(want.sampleTypes);
      expect(d.defaultSampleType).toBe(want.defaultSampleType);
      expect(d.periodType ?? null).toEqual(want.periodType);
      expect(d.period).toBe(want.period);
      expect(d.timeNanos).toBe(want.timeNanos);
      expect(Number(d.durationNanos)).toBe(want.durationNanos);
      expect(d.samples.length).toBe(want.samples.length);
      d.samples.forEach((s, i) => {
        const w = want.samples[i];
        const labels = Object.fromEntries([...s.labels].map(([k, v]) => [k, v]));
        const numLabels = Object.fromEntries([...s.numLabels].map(([k, v]) => [k, v.map((x) => x.value)]));
        expect({ values: s.exactValues ? s.exactValues.map(Number) : s.values, stack: sampleFrames(s).map(frameText), labels: sortedKeys(labels), numLabels: sortedKeys(numLabels) }, `sample ${i}`).toEqual({
          ...w,
          labels: sortedKeys(w.labels),
          numLabels: sortedKeys(w.numLabels),
        });
      });

      // Model level: goroutine profiles as groups, others as samples over interned stacks.
      const p = await parsePprof(bytesSource(path.basename(file), bytes));
      const base = path.basename(file);
      const expectedType = base.replace(/(-\d+)?\.pb\.gz$/, '');
      expect(p.profileType).toBe(expectedType);
      // Sniffed from content alone too (block vs mutex by the Unlock leaf heuristic). An empty
      // contention profile (go1.19/go1.21 mutex captures have 0 samples) has nothing to tell block
      // from mutex: it reads as 'block' without a name.
      const emptyContention = d.samples.length === 0 && (expectedType === 'mutex' || expectedType === 'block');
      expect(detectProfileType(d), 'type without the file name').toBe(emptyContention ? 'block' : expectedType);
      expect(p.kind).toBe(expectedType === 'goroutine' || expectedType === 'goroutineleak' ? 'goroutines' : 'samples');
      expect(modelSamples(p)).toEqual(oracleRows(want));
      if (p.kind === 'goroutines') {
        expect(p.total).toBe(want.samples.reduce((n, s) => n + s.values[0], 0));
        // The model contract: an unlabelled group's signature is stackSignature(stack).
        for (const g of p.groups) if (!g.labels) expect(g.signature).toBe(stackSignature(g.stack));
      }
    });
  }
});
