// A real incident's size: 500,000 goroutines leaked at one send (a trace) and 200,000 in a
// debug=2 dump, written by test/bench/gen-hugeleak at test time. Every step a user runs —
// parse, analyse, all four report formats — must finish with one verdict holding every goroutine.
// (Before the columnar analysis, spread arguments — Math.max(...xs), push(...ids) — overflowed the
// call stack at this size.) Speed is measured by `npm run bench:analysis`, not here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../../analysis/analyze';
import { writeReport } from '../../../analysis/report';
import { bytesSource } from '../../../parsers/model';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { parseTrace } from '../../../parsers/trace/index';
import { repoRoot } from '../../support/corpus';

const TRACE_N = 500_000;
const DUMP_N = 200_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakline-huge-'));
  const gen = join(repoRoot, 'test/bench/gen-hugeleak');
  execFileSync('go', ['-C', gen, 'run', '-trimpath', '.', '-n', String(TRACE_N), '-o', join(dir, 'trace')], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('go', ['-C', gen, 'run', '-trimpath', '.', '-n', String(DUMP_N), '-trace=false', '-dump', '-o', join(dir, 'dump')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOOL = { name: 'Leakline', version: 'test' };

describe('a huge leak at one send', () => {
  it(`trace: ${TRACE_N.toLocaleString('en')} goroutines in one verdict, every report format written`, async () => {
    const file = join(dir, 'trace/trace.out');
    const trace = await parseTrace(bytesSource(file, new Uint8Array(readFileSync(file))));
    const result = analyze([{ file, trace }]);
    const v = result.verdicts.find((x) => x.startFunction === 'main.handle.func1');
    expect(v?.count).toBe(TRACE_N);
    expect(v?.goroutineIds).toHaveLength(TRACE_N);
    expect(v?.waitClass).toBe('channel-send');
    const json = JSON.parse(writeReport('json', result, TOOL)) as { leaks: { count: number; goroutineIds: number[] }[] };
    expect(json.leaks.find((l) => l.count === TRACE_N)?.goroutineIds).toHaveLength(TRACE_N);
    for (const format of ['md', 'html', 'sarif'] as const) expect(writeReport(format, result, TOOL).length).toBeGreaterThan(0);
  }, 300_000);

  it(`debug=2 dump: ${DUMP_N.toLocaleString('en')} goroutines in one verdict`, async () => {
    const file = join(dir, 'dump/goroutine.debug2.txt');
    const profile = await parseGoroutineText(bytesSource(file, new Uint8Array(readFileSync(file))));
    const result = analyze([{ file, profile }]);
    const v = result.verdicts.find((x) => x.startFunction === 'main.handle.func1');
    expect(v?.count).toBe(DUMP_N);
    expect(v?.goroutineIds).toHaveLength(DUMP_N);
    expect(writeReport('sarif', result, TOOL).length).toBeGreaterThan(0);
  }, 300_000);
});
