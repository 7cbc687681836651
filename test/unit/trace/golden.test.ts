// Go's own reader golden tests (golang.org/x/exp trace/testdata/tests, copied to
// golang.org/x/exp trace/testdata/tests, from the module cache): each text trace is converted to bytes and read; SUCCESS
// cases must read to the end and pass the stream validator, FAILURE cases must stop with a
// ParseError whose message matches Go's expected error pattern.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { readEvents } from '../../support/read-events';
import { parseGoldenTest } from '../../support/trace-text';
import { TraceValidator } from '../../support/trace-validator';
import { xexpTraceTestdata } from '../../support/corpus';

const dir = xexpTraceTestdata('tests');
const files = readdirSync(dir).filter((f) => f.endsWith('.test')).sort();

async function readAll(bytes: Uint8Array, v: TraceValidator): Promise<{ events: number; error?: unknown; syncTimes: number[] }> {
  let events = 0;
  const syncTimes: number[] = [];
  try {
    await readEvents(bytesSource('golden', bytes), (e) => {
      events++;
      if (e.typ === 255) syncTimes.push(e.time);
      v.event(e);
    });
  } catch (error) {
    return { events, error, syncTimes };
  }
  return { events, syncTimes };
}

describe('x/exp golden trace tests', () => {
  it('finds the 22 golden cases', () => {
    expect(files.length).toBe(22);
  });
  for (const f of files) {
    it(f, async () => {
      const c = parseGoldenTest(readFileSync(path.join(dir, f), 'utf8'));
      const v = new TraceValidator();
      const r = await readAll(c.bytes, v);
      if (c.expectSuccess) {
        expect(r.error).toBeUndefined();
        expect(v.errors).toEqual([]);
        expect(r.events).toBeGreaterThan(1);
      } else {
        expect(r.error).toBeInstanceOf(ParseError);
        expect((r.error as ParseError).message).toMatch(c.errorPattern!);
      }
    });
  }

  // Expected Sync times from x/exp reader_test.go TestTraceGenSync (Go's own golden values).
  it('go123-sync: Sync times come from each generation\'s first batch and frequency', async () => {
    const c = parseGoldenTest(readFileSync(path.join(dir, 'go123-sync.test'), 'utf8'));
    const r = await readAll(c.bytes, new TraceValidator());
    expect(r.syncTimes).toEqual([10, 40, 60, 63]);
  });
  it('go125-sync: per-generation frequency (1e9 then 5e8)', async () => {
    const c = parseGoldenTest(readFileSync(path.join(dir, 'go125-sync.test'), 'utf8'));
    const r = await readAll(c.bytes, new TraceValidator());
    expect(r.syncTimes).toEqual([9, 38, 58, 83]);
  });
});
