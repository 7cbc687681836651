// The analysis on inputs nobody on this project produced (test/corpus/realworld): every trace and dump
// our parsers accept is analysed without error into well-formed verdicts, and each report format
// is written. Printed: the verdicts, for a human to read.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesSource, ParseError } from '../../../parsers/model';
import { parseTrace } from '../../../parsers/trace/index';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { analyze, type AnalysisInput } from '../../../analysis/analyze';
import { REPORT_FORMATS, writeReport } from '../../../analysis/report';
import { CONFIDENCES } from '../../../analysis/verdict';
import { corpus } from '../../support/corpus';

const SHARED = corpus('realworld');

async function loadOne(dir: string, f: string): Promise<AnalysisInput | string> {
  const src = bytesSource(f, new Uint8Array(readFileSync(join(dir, f))));
  try {
    return f.endsWith('.trace') ? { file: f, trace: await parseTrace(src) } : { file: f, profile: await parseGoroutineText(src) };
  } catch (e) {
    if (e instanceof ParseError) return `${f}: ${e.code}`;
    throw e;
  }
}

describe('analysis of real-world inputs', () => {
  for (const [sub, ext] of [['traces', '.trace'], ['dumps', '.txt']] as const) {
    it(`${sub}: every accepted file yields well-formed verdicts and reports`, async () => {
      const dir = join(SHARED, sub);
      const files = readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
      expect(files.length).toBeGreaterThan(5);
      let analysed = 0;
      const lines: string[] = [];
      for (const f of files) {
        const input = await loadOne(dir, f);
        if (typeof input === 'string') {
          lines.push(`${input} (refused by the parser)`);
          continue;
        }
        const r = analyze([input]);
        analysed++;
        const fps = new Set(r.verdicts.map((v) => v.fingerprint));
        expect(fps.size, f).toBe(r.verdicts.length);
        for (const v of r.verdicts) {
          expect(CONFIDENCES).toContain(v.confidence);
          expect(v.count, f).toBeGreaterThan(0);
          expect(v.explanation.length, f).toBeGreaterThan(20);
          expect(v.evidence.length, f).toBeGreaterThan(0);
          if ('trace' in input) expect(v.goroutineIds?.length, f).toBe(v.count);
        }
        for (const fmt of REPORT_FORMATS) expect(writeReport(fmt, r, { name: 'Leakline', version: 't' }).length).toBeGreaterThan(100);
        lines.push(`${f}: ${r.goroutines} goroutines, ${r.verdicts.length} suspects, ignored ${JSON.stringify(r.ignored)}`);
        for (const v of r.verdicts.slice(0, 3)) lines.push(`    ${v.confidence}: ${v.explanation}`);
      }
      console.log(lines.join('\n'));
      expect(analysed).toBeGreaterThanOrEqual(sub === 'traces' ? 5 : 6);
    });
  }
});
