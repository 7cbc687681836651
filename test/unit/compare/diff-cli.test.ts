// `leakline diff` on the fixture corpus: the growing-leak scenario (three snapshots of one
// process, 5 → 10 → 15 goroutines parked in main.subscribe.func1) and cross-format comparisons.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runDiff } from '../../../cli/commands/diff';
import type { DiffJson } from '../../../analysis/compare';
import { countCreatedBy, fixture, FIXTURES, headerCount, truth, versionsWith } from './corpus';

async function diff(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runDiff(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const GROWING = versionsWith('growing-leak', 'goroutine-3.pb.gz');

describe('leakline diff: growing-leak, three snapshots', () => {
  it('the corpus has the scenario', () => {
    expect(GROWING.length).toBeGreaterThan(0);
  });

  // Issue 18: a goroutineleak profile added after three snapshots made main.main "vanish", dropped
  // the total and flipped the headline. It is evidence, kept out of the series.
  for (const v of GROWING.filter((x) => existsSync(fixture(x, 'growing-leak', 'goroutineleak.pb.gz'))))
    it(`${v}: a goroutineleak profile after three snapshots stays out of the series`, async () => {
      const series = [1, 2, 3].map((i) => fixture(v, 'growing-leak', `goroutine-${i}.pb.gz`));
      const plain = JSON.parse((await diff([...series, '--format', 'json'])).out) as DiffJson;
      const withLeak = await diff([...series, fixture(v, 'growing-leak', 'goroutineleak.pb.gz'), '--format', 'json']);
      expect(withLeak.err).toMatch(/goroutineleak\.pb\.gz is a goroutineleak profile: evidence/);
      const j = JSON.parse(withLeak.out) as DiffJson;
      expect(j).toEqual(plain);
      expect(j.groups.filter((g) => g.function === 'main.main').map((g) => g.status)).not.toContain('vanished');
      expect(j.groups.filter((g) => g.growsEveryInterval).length).toBeGreaterThan(0);
    });

  for (const v of GROWING) {
    for (const ext of ['pb.gz', 'debug1.txt', 'debug2.txt']) {
      it(`${v} ${ext}: the leaking group is first, grows in every interval; the healthy ones are "same"`, async () => {
        const files = [1, 2, 3].map((i) => fixture(v, 'growing-leak', `goroutine-${i}.${ext}`));
        const { code, out } = await diff([...files, '--format', 'json']);
        expect(code).toBe(0);
        const j = JSON.parse(out) as DiffJson;
        const t = truth(v, 'growing-leak').leaks[0];
        const lead = j.groups[0];
        expect(lead.function).toBe(t.startFunc);
        expect(lead.blockedAt?.function).toBe(t.blockedIn);
        // Counts per snapshot, derived independently from each debug=2 dump's "created by" lines.
        const expected = [1, 2, 3].map((i) => countCreatedBy(fixture(v, 'growing-leak', `goroutine-${i}.debug2.txt`), 'main.subscribe'));
        expect(lead.counts).toEqual(expected);
        expect(lead.counts[2]).toBe(t.count);
        expect(lead.delta).toBe(expected[2] - expected[0]);
        expect(lead.status).toBe('grown');
        expect(lead.growsEveryInterval).toBe(true);
        const rest = j.groups.slice(1);
        expect(rest.length).toBeGreaterThan(0);
        for (const g of rest) expect({ sig: g.signature, status: g.status }).toEqual({ sig: g.signature, status: 'same' });
        // Totals are the profiles' goroutine counts: the debug=2 header count for that moment.
        expect(j.totals).toEqual([1, 2, 3].map((i) => headerCount(fixture(v, 'growing-leak', `goroutine-${i}.debug2.txt`))));
      });
    }
  }

  it('Markdown: a suspects section naming the leaking function with its series, then the table', async () => {
    const v = GROWING[GROWING.length - 1];
    const files = [1, 2, 3].map((i) => fixture(v, 'growing-leak', `goroutine-${i}.pb.gz`));
    const { code, out } = await diff(files);
    expect(code).toBe(0);
    const suspects = out.slice(out.indexOf('## Growing in every interval'), out.indexOf('## Groups'));
    const counts = [1, 2, 3].map((i) => countCreatedBy(fixture(v, 'growing-leak', `goroutine-${i}.debug2.txt`), 'main.subscribe'));
    expect(suspects).toContain(`**main.subscribe.func1** at main.go:33: ${counts.join(' → ')}`);
    expect(out).toMatch(/^\| grown ⚠ \| 5 \| 10 \| 15 \| \+10 \| \+200% \|/m);
    expect(out.match(/^\| same /gm)?.length).toBeGreaterThan(0);
  });

  it('--fail-on-growth exits 1 on the growing series and 0 on one moment in two formats', async () => {
    const v = GROWING[0];
    const files = [1, 2, 3].map((i) => fixture(v, 'growing-leak', `goroutine-${i}.pb.gz`));
    expect((await diff([...files, '--fail-on-growth'])).code).toBe(1);
    expect((await diff([files[0], fixture(v, 'growing-leak', 'goroutine-1.debug2.txt'), '--fail-on-growth'])).code).toBe(0);
  });

  it('a folder is one series of its proto profiles in capture order', async () => {
    const v = GROWING[GROWING.length - 1];
    const { code, out } = await diff([path.dirname(fixture(v, 'growing-leak', 'truth.json')), '--format', 'json']);
    expect(code).toBe(0);
    const j = JSON.parse(out) as DiffJson;
    expect(j.snapshots.every((s) => s.name.endsWith('.pb.gz') && s.name.startsWith('goroutine'))).toBe(true);
    const times = j.snapshots.map((s) => Date.parse(s.time!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(j.snapshots.slice(0, 3).map((s) => s.name)).toEqual(['goroutine-1.pb.gz', 'goroutine-2.pb.gz', 'goroutine-3.pb.gz']);
  });
});

describe('leakline diff: the same moment in two formats compares as identical', () => {
  for (const v of GROWING) {
    for (const i of [1, 2, 3]) {
      for (const other of ['debug2.txt', 'debug1.txt']) {
        it(`${v} goroutine-${i}: pb.gz vs ${other}, stack matching: every group "same"`, async () => {
          const { out } = await diff([fixture(v, 'growing-leak', `goroutine-${i}.pb.gz`), fixture(v, 'growing-leak', `goroutine-${i}.${other}`), '--format', 'json']);
          const j = JSON.parse(out) as DiffJson;
          expect(j.groups.length).toBeGreaterThanOrEqual(3);
          expect(j.groups.filter((g) => g.status !== 'same')).toEqual([]);
          expect(j.totals[0]).toBe(j.totals[1]);
        });
      }
    }
  }

  it('every scenario and version of the corpus: debug=0 vs debug=1 and debug=2, function matching: every group "same"', async () => {
    let pairs = 0;
    for (const v of existsSync(FIXTURES) ? readdirSync(FIXTURES) : []) {
      for (const s of readdirSync(path.join(FIXTURES, v))) {
        for (const pre of ['goroutine', 'goroutine-1', 'goroutine-2', 'goroutine-3']) {
          if (!existsSync(fixture(v, s, `${pre}.pb.gz`))) continue;
          for (const other of ['debug1.txt', 'debug2.txt']) {
            const { out } = await diff([fixture(v, s, `${pre}.pb.gz`), fixture(v, s, `${pre}.${other}`), '--format', 'json', '--match', 'function']);
            const j = JSON.parse(out) as DiffJson;
            expect({ file: `${v}/${s}/${pre}.${other}`, changed: j.groups.filter((g) => g.status !== 'same').map((g) => g.signature) }).toEqual({ file: `${v}/${s}/${pre}.${other}`, changed: [] });
            pairs++;
          }
        }
      }
    }
    expect(pairs).toBeGreaterThan(40);
  });
});

describe('leakline diff: inputs and usage', () => {
  // Every version with a trace: the v1 format (Go 1.19, 1.21) as well as 1.22+.
  for (const v of versionsWith('growing-leak', 'trace.out').filter((x) => GROWING.includes(x))) {
    it(`${v}: a trace end state against the last snapshot: the leaked group has the same count in both`, async () => {
      const { code, out } = await diff([fixture(v, 'growing-leak', 'goroutine.debug2.txt'), fixture(v, 'growing-leak', 'trace.out'), '--format', 'json']);
      expect(code).toBe(0);
      const j = JSON.parse(out) as DiffJson;
      const leak = j.groups.find((g) => g.function === 'main.subscribe.func1')!;
      const t = truth(v, 'growing-leak').leaks[0];
      expect(leak.counts).toEqual([t.count, t.count]);
      expect(leak.status).toBe('same');
      expect(leak.states[1]).toEqual(['chan receive']);
    });
  }

  it('refuses a single snapshot, a non-goroutine profile and bad options with exit 2', async () => {
    const v = GROWING[0];
    const one = await diff([fixture(v, 'growing-leak', 'goroutine-1.pb.gz')]);
    expect(one.code).toBe(2);
    expect(one.err).toMatch(/at least two snapshots/);
    const heapV = versionsWith('http-handler-leak', 'heap.pb.gz')[0];
    expect(heapV).toBeDefined();
    const heap = await diff([fixture(heapV, 'http-handler-leak', 'heap.pb.gz'), fixture(v, 'growing-leak', 'goroutine-1.pb.gz')]);
    expect(heap.code).toBe(2);
    expect(heap.err).toMatch(/heap profile has no goroutines/);
    await expect(diff([fixture(v, 'growing-leak', 'goroutine-1.pb.gz'), '--match', 'pc'])).rejects.toThrow(/--match/);
  });
});
