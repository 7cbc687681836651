// `leakline report` end to end on corpus files: exit codes, formats, ignore rules, config file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReportArgs, runReport } from '../../../cli/commands/report';
import { FIXTURES } from './corpus';
import { corpus } from '../../support/corpus';

const sc = (v: string, s: string, f = '') => join(FIXTURES, v, s, f);

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runReport(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('leakline report', () => {
  it('exits 1 on a leak at or above --fail-on (default medium) and prints the report', async () => {
    const r = await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.leaks[0]).toMatchObject({ startFunction: 'main.fetch.func1', confidence: 'high', waitReason: 'chan send' });
  });

  it('reads v1 traces (Go 1.19, 1.21) like the others', async () => {
    for (const v of ['go1.19', 'go1.21']) {
      const r = await run([sc(v, 'chan-send-early-return', 'trace.out'), '--format', 'json']);
      expect(r.code, r.err).toBe(1);
      const json = JSON.parse(r.out);
      expect(json.leaks[0]).toMatchObject({ startFunction: 'main.fetch.func1', confidence: 'high', waitReason: 'chan send' });
    }
  });

  it('exits 0 when nothing reaches --fail-on', async () => {
    // A trace alone is at most high; only the goroutineleak profile proves.
    expect((await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--fail-on', 'proven'])).code).toBe(0);
    // A healthy control, every file of the folder.
    const healthy = await run([sc('go1.26', 'healthy-worker-pool'), '--format', 'md']);
    expect(healthy.code).toBe(0);
    expect(healthy.out).toContain('no goroutine leaks found');
  });

  it('reads folders as a snapshot series and reports growth', async () => {
    const r = await run([sc('go1.23', 'growing-leak', 'goroutine-1.pb.gz'), sc('go1.23', 'growing-leak', 'goroutine-2.pb.gz'), sc('go1.23', 'growing-leak', 'goroutine-3.pb.gz'), '--format', 'json']);
    expect(r.code).toBe(1);
    const leak = JSON.parse(r.out).leaks[0];
    expect(leak).toMatchObject({ startFunction: 'main.subscribe.func1', confidence: 'high', count: 15 });
    expect(leak.evidence.map((e: { kind: string }) => e.kind)).toContain('snapshot-growth');
  });

  it('--ignore-top removes a group (goleak IgnoreTopFunction semantics)', async () => {
    const r = await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--ignore-top', 'main.fetch.func1', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).leaks).toEqual([]);
  });

  it('reads ignore rules and failOn from a .leakline.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakline-cfg-'));
    const cfg = join(dir, '.leakline.json');
    writeFileSync(cfg, JSON.stringify({ ignore: { createdBy: ['main.fetch'] } }));
    expect((await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--config', cfg])).code).toBe(0);
    writeFileSync(cfg, JSON.stringify({ failOn: 'proven' }));
    expect((await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--config', cfg])).code).toBe(0);
    writeFileSync(cfg, '{"ignore": {"top": ["x"]}}');
    const bad = await run([sc('go1.25', 'chan-send-early-return', 'trace.out'), '--config', cfg]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/config: unknown key "ignore.top"/);
  });

  it('writes --out in the requested format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakline-out-'));
    const out = join(dir, 'r.sarif');
    const r = await run([sc('go1.26', 'mutex-error-path'), '--format', 'sarif', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const sarif = JSON.parse(readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].ruleId).toBe('goroutine-leak/sync-mutex');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: 'goprograms/mutex-error-path/main.go',
      uriBaseId: '%SRCROOT%',
    });
    // -trimpath paths start with the module path; --map-path turns them into repository paths.
    await run([sc('go1.26', 'mutex-error-path'), '--format', 'sarif', '--out', out, '--map-path', 'goprograms=test/goprograms']);
    const mapped = JSON.parse(readFileSync(out, 'utf8'));
    expect(mapped.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('test/goprograms/mutex-error-path/main.go');
    expect(mapped.runs[0].results[0].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('test/goprograms/mutex-error-path/main.go');
  });

  it('exits 2 on unusable input', async () => {
    const missing = await run(['/nonexistent/trace.out']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no such file/);
    // truth.json named explicitly is not a trace or profile.
    const wrong = await run([sc('go1.26', 'select-empty', 'truth.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/unknown-format at byte 0: not a Go execution trace, pprof profile or goroutine dump/);
    // A trace cut inside its only generation: nothing complete to analyse, the offset is named.
    const dir = mkdtempSync(join(tmpdir(), 'leakline-cut-'));
    const full = readFileSync(sc('go1.26', 'select-empty', 'trace.out'));
    const cut = join(dir, 'cut.out');
    writeFileSync(cut, full.subarray(0, Math.floor(full.length * 0.6)));
    const partial = await run([cut, '--format', 'json']);
    expect(partial.code).toBe(2);
    expect(partial.err).toMatch(/cut\.out: truncated at byte \d+/);
    expect(partial.err).toMatch(/breaks off inside its first generation/);
  });

  it('reports on what was read of a trace cut in half, the partial warning first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakline-half-'));
    const full = readFileSync(corpus('leaks', 'go1.27', 'suite-watermill', 'gochannel', 'trace.out'));
    const half = join(dir, 'half.out');
    writeFileSync(half, full.subarray(0, full.length >> 1));
    const events: string[] = [];
    const code = await runReport([half, '--format', 'md', '--fail-on', 'low'], { out: (t) => void events.push(`out:${t}`), err: (t) => void events.push(`err:${t}`) });
    // A report, not "unusable input": exit 1 because --fail-on low and the part read has verdicts.
    expect(code).toBe(1);
    expect(events[0]).toMatch(/^err:leakline report: warning: Partial input: .*half\.out stops at byte [\d,]+ /);
    const md = events.filter((e) => e.startsWith('out:')).join('');
    expect(md.indexOf('Partial input:')).toBeGreaterThan(0);
    expect(md.indexOf('Partial input:')).toBeLessThan(md.indexOf('| # |') < 0 ? md.length : md.indexOf('| # |'));
    // The JSON report says which input is partial and why; a whole input carries no such field.
    const json = await run([half, '--format', 'json']);
    const inputs = (JSON.parse(json.out) as { inputs: { file: string; partial?: string }[] }).inputs;
    expect(inputs).toHaveLength(1);
    expect(inputs[0].partial).toMatch(/\S/);
    const whole = await run([corpus('leaks', 'go1.27', 'suite-watermill', 'gochannel', 'trace.out'), '--format', 'json']);
    expect((JSON.parse(whole.out) as { inputs: object[] }).inputs[0]).not.toHaveProperty('partial');
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['x', '--format', 'pdf'])).code).toBe(2);
    expect((await run(['x', '--fail-on', 'critical'])).code).toBe(2);
    expect(parseReportArgs(['a', '--ignore-top', 'f1', '--ignore-top=f2', '--ignore-any', 'g']).ignore).toEqual({
      topFunction: ['f1', 'f2'],
      anyFunction: ['g'],
      createdBy: [],
    });
  });
});
