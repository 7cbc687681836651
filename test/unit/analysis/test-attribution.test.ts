// Per-test attribution on the corpus's `go test -trace` fixture (test/goprograms/testleak: TestLeaky
// and TestClean, both t.Parallel()). The expected test comes from truth.json, which the Go
// generator wrote from the test that started the goroutine, not from Leakline.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../analysis/analyze';
import { writeReport } from '../../../analysis/report';
import { testInStack, testNameOf, testOfGoroutine } from '../../../analysis/test-attribution';
import { bytesSource } from '../../../parsers/model';
import { parseTrace } from '../../../parsers/trace/index';
import { FIXTURES } from './corpus';

interface TestTruth {
  leaks: { startFunc: string; test: string; ids: number[] }[];
  ended: { startFunc: string; test: string }[];
}

// Every corpus version: v1 traces (Go 1.19, 1.21) and v2 ones (Go 1.22+).
const VERSIONS = ['go1.19', 'go1.21', 'go1.22', 'go1.23', 'go1.25', 'go1.26'].filter((v) => existsSync(join(FIXTURES, v, 'testleak/trace.out')));

async function load(v: string) {
  const dir = join(FIXTURES, v, 'testleak');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as TestTruth;
  const trace = await parseTrace(bytesSource('trace.out', new Uint8Array(readFileSync(join(dir, 'trace.out')))));
  return { truth, trace };
}

describe('test names from frames', () => {
  it('strips package, receiver and closure suffixes', () => {
    expect(testNameOf('goprograms/testleak.TestLeaky')).toBe('TestLeaky');
    expect(testNameOf('goprograms/testleak.TestLeaky.func1')).toBe('TestLeaky');
    expect(testNameOf('example.com/a/b.TestX.func2.1')).toBe('TestX');
    expect(testNameOf('pkg.(*suite).TestY')).toBe('TestY');
  });
  it('takes the frame tRunner called, never testing internals', () => {
    const f = (func: string) => ({ func, file: '', line: 0 });
    expect(testInStack([f('pkg.helper'), f('pkg.TestA'), f('testing.tRunner')])).toBe('TestA');
    expect(testInStack([f('testing.(*T).Run'), f('testing.runTests.func1'), f('testing.tRunner')])).toBeUndefined();
    expect(testInStack([f('main.main')])).toBeUndefined();
  });
});

describe.each(VERSIONS)('%s testleak', (v) => {
  it('attributes the leak to the leaking test (not the parallel clean one)', async () => {
    const { truth, trace } = await load(v);
    expect(truth.leaks.length).toBe(1);
    const leak = truth.leaks[0];
    const result = analyze([{ file: 'trace.out', trace }]);
    const verdict = result.verdicts.find((x) => x.startFunction === leak.startFunc);
    expect(verdict, JSON.stringify(result.verdicts.map((x) => x.startFunction))).toBeDefined();
    expect(verdict!.goroutineIds).toEqual(leak.ids);
    expect(verdict!.test).toBe(leak.test);
    expect(leak.test).toBe('TestLeaky');
    // Every goroutine of the ended TestClean group is attributed to TestClean: the walk tells the
    // two parallel tests apart instead of naming whichever was running.
    const names = trace.strings.strings;
    const g = trace.goroutines;
    for (const e of truth.ended) {
      const rows = [...Array(g.count).keys()].filter((r) => names[g.startFunc[r]] === e.startFunc);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(testOfGoroutine(trace, g.id[r])).toBe(e.test);
    }
    // No verdict names TestClean.
    expect(result.verdicts.some((x) => x.test?.includes('TestClean'))).toBe(false);
  });

  it('carries the test into every report format', async () => {
    const { trace } = await load(v);
    const result = analyze([{ file: 'trace.out', trace }]);
    const tool = { name: 'Leakline', version: 'test' };
    const json = JSON.parse(writeReport('json', result, tool)) as { leaks: { startFunction: string; test?: string }[] };
    expect(json.leaks.find((l) => l.startFunction.endsWith('TestLeaky.func1'))?.test).toBe('TestLeaky');
    // A verdict at medium or above gets a **Test** line; a low one names its test in the collapsed list.
    const verdict = result.verdicts.find((x) => x.startFunction.endsWith('TestLeaky.func1'))!;
    expect(writeReport('md', result, tool)).toContain(verdict.confidence === 'low' ? '(test `TestLeaky`)' : '- **Test:** `TestLeaky`');
    expect(writeReport('html', result, tool)).toContain('<dt>Test</dt><dd><code>TestLeaky</code></dd>');
    const sarif = JSON.parse(writeReport('sarif', result, tool)) as { runs: { results: { message: { text: string }; properties: { test?: string } }[] }[] };
    const r = sarif.runs[0].results.find((x) => x.properties.test === 'TestLeaky');
    expect(r?.message.text).toMatch(/\(test TestLeaky\)$/);
  });
});

it('a trace outside `go test` attributes nothing', async () => {
  const p = join(FIXTURES, 'go1.26/chan-recv-no-sender/trace.out');
  const trace = await parseTrace(bytesSource('trace.out', new Uint8Array(readFileSync(p))));
  const result = analyze([{ file: 'trace.out', trace }]);
  expect(result.verdicts.length).toBeGreaterThan(0);
  expect(result.verdicts.every((x) => x.test === undefined)).toBe(true);
});
