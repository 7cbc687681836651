// Report writers on corpus scenarios (go1.26/http-handler-leak: a trace, goroutine profiles in
// three forms, the goroutineleak profile and heap/CPU/… profiles of one run). Snapshots are taken after removing what
// changes between two runs of the same program (goroutine ids, durations, percentages, tick
// counts), so regenerating the corpus does not churn them; everything else is compared exactly.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import { analyze } from '../../../analysis/analyze';
import { writeReport } from '../../../analysis/report';
import { toJsonReport } from '../../../analysis/report/json';
import { toSarif } from '../../../analysis/report/sarif';
import type { AnalysisResult } from '../../../analysis/verdict';
import { FIXTURES, filesFor, load } from './corpus';

const TOOL = { name: 'Leakline', version: '0.0.0-test' };
const DIR = join(FIXTURES, 'go1.26', 'http-handler-leak');

let cached: Promise<AnalysisResult> | undefined;
function result(): Promise<AnalysisResult> {
  cached ??= load(DIR, filesFor('all', DIR)).then(({ inputs }) => analyze(inputs));
  return cached;
}

/** Strips run-to-run noise: ids, times, percentages, counts of wake-ups. */
export function normalize(text: string): string {
  return text
    .replace(/"goroutineIds": \[[^\]]*\]/g, '"goroutineIds": ["<ids>"]')
    .replace(/"(min|max)": \d+(\.\d+)?/g, '"$1": "<n>"')
    .replace(/ids [\d, …]+/g, 'ids <ids>')
    .replace(/\b\d+(\.\d+)? (ns|µs|ms|s|min)\b/g, '<dur>')
    .replace(/<dur> – <dur>/g, '<dur>')
    .replace(/\d+(\.\d+)?%/g, '<pct>')
    .replace(/\bg\d+\b/g, 'g<id>')
    .replace(/\b\d+(×| times| timer wake-ups)/g, '<n>$1');
}

describe('report writers on go1.26/http-handler-leak', () => {
  it('JSON has exactly the documented shape', async () => {
    const r = await result();
    const json = toJsonReport(r, TOOL);
    expect(Object.keys(json)).toEqual(['tool', 'inputs', 'summary', 'leaks']);
    expect(Object.keys(json.summary)).toEqual(['goroutines', 'suspects', 'byConfidence']);
    // Every file of the folder is listed; the heap/CPU/block/mutex profiles are read but carry no
    // goroutine states, which the result says.
    expect(json.inputs.map((i) => i.file)).toEqual(filesFor('all', DIR));
    expect(json.inputs.find((i) => i.file === 'trace.out')?.format).toBe('go-trace');
    expect(r.warnings.some((w) => w.startsWith('heap.pb.gz') && w.includes('no goroutine states'))).toBe(true);
    const leak = json.leaks[0];
    expect(Object.keys(leak)).toEqual([
      'fingerprint',
      'confidence',
      'count',
      'waitReason',
      'startFunction',
      'createdBy',
      'blockedAt',
      'stack',
      'goroutineIds',
      'blockedForNs',
      'probability',
      'fired',
      'explanation',
      'evidence',
    ]);
    // The words are the fired rules, in order; the proof is a floor.
    expect(leak.evidence.map((e) => e.kind)).toEqual(leak.fired.map((r) => r.rule));
    expect(leak.fired.find((r) => r.rule === 'gc-proven')).toMatchObject({ kind: 'floor', bound: 'proven', weight: 0 });
    // The handler's lookup goroutines: GC-proven, 6 of them, blocked at the send in handleItem.
    expect(leak).toMatchObject({
      confidence: 'proven',
      count: 6,
      waitReason: 'chan send',
      startFunction: 'main.handleItem.func1',
      createdBy: { function: 'main.handleItem' },
      blockedAt: { function: 'main.handleItem.func1', line: 72 },
    });
    const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as { leaks: { ids: number[] }[] };
    expect(leak.goroutineIds).toEqual([...truth.leaks[0].ids].sort((a, b) => a - b));
    // The server's accept loop is parked in I/O: listed, but low.
    expect(json.leaks.slice(1).map((l) => [l.confidence, l.waitReason])).toEqual([['low', 'IO wait']]);
    expect(json.summary.byConfidence).toEqual({ proven: 1, high: 0, medium: 0, low: 1 });
  });

  // Snapshots use a scenario whose evidence does not depend on scheduling (every leaked worker
  // parks in its first run; one happy-path worker always finishes), so a corpus regeneration
  // changes them only if the program changes.
  for (const format of ['json', 'md', 'html', 'sarif'] as const) {
    it(`${format} snapshot (go1.26/chan-send-early-return)`, async () => {
      const dir = join(FIXTURES, 'go1.26', 'chan-send-early-return');
      const { inputs } = await load(dir, filesFor('all', dir));
      const text = writeReport(format, analyze(inputs), TOOL);
      await expect(normalize(text)).toMatchFileSnapshot(`__snapshots__/chan-send-early-return.${format}.snap`);
    });
  }

  it('SARIF validates against the SARIF 2.1.0 JSON schema', async () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // The schema's string formats, checked loosely but checked (RFC 3986 scheme, RFC 3339).
    ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
    ajv.addFormat('uri-reference', /^\S*$/);
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    const validate = ajv.compile(schema);
    const sarif = toSarif(await result(), TOOL);
    const ok = validate(JSON.parse(JSON.stringify(sarif)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // A broken log must fail, or the check proves nothing.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
    const res = sarif.runs[0].results[0];
    expect(res.level).toBe('error');
    expect(res.locations?.[0].physicalLocation.region).toEqual({ startLine: 72 });
    expect(res.relatedLocations?.[0].physicalLocation.artifactLocation.uri).toMatch(/http-handler-leak\/main\.go$/);
    expect(res.partialFingerprints['leaklineFingerprint/v1']).toMatch(/^llfp1:[0-9a-f]{16}$/);
  });

  it('Markdown escapes table-breaking characters in cells', async () => {
    const r = await result();
    const v = r.verdicts[0];
    const md = writeReport('md', { ...r, verdicts: [{ ...v, waitReason: 'chan | send `x`' }] }, TOOL);
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'));
    expect(row).toContain('chan \\| send');
    expect(row?.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('HTML escapes everything that came from the input', async () => {
    const r = await result();
    const v = r.verdicts[0];
    const html = writeReport('html', { ...r, verdicts: [{ ...v, explanation: '<img src=x onerror=alert(1)>' }] }, TOOL);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
