// `leakline inspect <profile> --json` on real inputs: the JSON shape of issue 5, with totals and
// byState checked against index.json (read by independent tooling), sniffing regardless of the
// file name, and typed errors for unreadable input.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectCommand } from '../../../cli/commands/inspect';
import { renderProfileSummary } from '../../../cli/inspect/profile-summary';
import { corpus, repoRoot } from '../../support/corpus';

async function inspectJson(file: string) {
  let out = '';
  let err = '';
  const code = await inspectCommand({ out: (t) => void (out += t), err: (t) => void (err += t) }).run([file, '--json']);
  return { code, json: out ? JSON.parse(out) : undefined, err };
}

const dumps = corpus('realworld', 'dumps');
const index: { file: string; goroutines: { state: string }[] }[] = JSON.parse(readFileSync(path.join(dumps, 'index.json'), 'utf8'));

describe('leakline inspect (profiles)', () => {
  for (const entry of index) {
    it(`${entry.file}: goroutine-debug2 summary agrees with index.json`, async () => {
      const { code, json } = await inspectJson(path.join(dumps, entry.file));
      expect(code).toBe(0);
      const byState: Record<string, number> = {};
      for (const g of entry.goroutines) byState[g.state] = (byState[g.state] ?? 0) + 1;
      expect(json).toMatchObject({ format: 'goroutine-debug2', profileType: 'goroutine', sampleTypes: [] });
      expect(json.goroutines.total).toBe(entry.goroutines.length);
      expect(json.goroutines.byState).toEqual(byState);
      expect(json.goroutines.leaked).toBe(0);
      expect(Array.isArray(json.warnings)).toBe(true);
    });
  }

  const fx = path.join(repoRoot, 'test', 'fixtures', 'go1.26');
  for (const scen of ['chan-recv-no-sender', 'http-handler-leak', 'cond-never-signalled']) {
    it(`go1.26/${scen}: goroutine and goroutineleak protos; totals equal Go's own debug=1 "total N"`, async () => {
      for (const kind of ['goroutine', 'goroutineleak']) {
        const declared = Number(/profile: total (\d+)/.exec(readFileSync(path.join(fx, scen, `${kind}.debug1.txt`), 'utf8'))![1]);
        const { code, json } = await inspectJson(path.join(fx, scen, `${kind}.pb.gz`));
        expect(code).toBe(0);
        expect(json).toMatchObject({ format: 'pprof-proto', profileType: kind, sampleTypes: [{ type: kind, unit: 'count' }] });
        expect(json.goroutines.total).toBe(declared);
        expect(json.goroutines.byState).toBeUndefined();
        expect(json.goroutines.leaked).toBe(kind === 'goroutineleak' ? declared : 0);
        expect(json.timeNanos).toMatch(/^\d{19}$/);
      }
      const truth = JSON.parse(readFileSync(path.join(fx, scen, 'truth.json'), 'utf8'));
      const leakedDeclared = truth.leaks.reduce((n: number, l: { leakedIds?: number[] }) => n + (l.leakedIds?.length ?? 0), 0);
      const d2 = await inspectJson(path.join(fx, scen, 'goroutineleak.debug2.txt'));
      expect(d2.json.profileType).toBe('goroutineleak');
      expect(d2.json.goroutines.leaked).toBeGreaterThanOrEqual(leakedDeclared);
    });
  }

  it('heap profile: four sample types and exact totals', async () => {
    const { code, json } = await inspectJson(path.join(fx, 'http-handler-leak', 'heap.pb.gz'));
    expect(code).toBe(0);
    expect(json.profileType).toBe('heap');
    expect(json.sampleTypes.map((t: { type: string }) => t.type)).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(Object.keys(json.samples.totals)).toEqual(['alloc_objects/count', 'alloc_space/bytes', 'inuse_objects/count', 'inuse_space/bytes']);
    for (const v of Object.values(json.samples.totals)) expect(v).toMatch(/^\d+$/);
  });

  it('sniffs content, not the extension: a dump saved as .pb.gz still opens', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leakline-inspect-'));
    const misnamed = path.join(dir, 'profile.pb.gz');
    copyFileSync(path.join(dumps, '044.txt'), misnamed);
    const { code, json } = await inspectJson(misnamed);
    expect(code).toBe(0);
    expect(json.format).toBe('goroutine-debug2');
    expect(json.goroutines.total).toBe(13);
  });

  it('unreadable input: exit 2 and a JSON error with a code', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'leakline-inspect-'));
    const junk = path.join(dir, 'junk.txt');
    writeFileSync(junk, 'this is not a profile\n');
    const { code, json, err } = await inspectJson(junk);
    expect(code).toBe(2);
    expect(json.error.code).toBe('unknown-format');
    expect(err).toBe('');
  });

  it('usage errors are UsageErrors (the CLI exits 2)', async () => {
    const cmd = inspectCommand({ out: () => {}, err: () => {} });
    await expect(cmd.run([])).rejects.toMatchObject({ name: 'UsageError' });
    await expect(cmd.run(['a', '--bogus'])).rejects.toMatchObject({ name: 'UsageError' });
  });

  it('text rendering lists states by count', async () => {
    const { json } = await inspectJson(path.join(dumps, '045.txt'));
    const text = renderProfileSummary(json);
    expect(text.split('\n')[0]).toContain('goroutine-debug2, goroutine profile (go1.24.2)');
    expect(text).toMatch(/goroutines: 119 in \d+ groups/);
  });
});
