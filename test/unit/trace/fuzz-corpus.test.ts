// The inputs that once crashed Go's trace reader (x/exp trace/testdata/fuzz/FuzzReader, copied to
// golang.org/x/exp trace/testdata/fuzz/FuzzReader, from the module cache). Each must end in a ParseError or a (partial) model, and
// agree with what Go's reader does on the same bytes: the expected outcomes below were produced by
// `go run ./test/bench/go-reader` (golang.org/x/exp/trace) on each decoded input.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { parseTrace } from '../../../parsers/trace';
import { readGoFuzzCorpus } from '../../support/go-fuzz-corpus';
import { xexpTraceTestdata } from '../../support/corpus';

const dir = xexpTraceTestdata('fuzz', 'FuzzReader');
const freqErr = 'expected frequency or clock snapshot event, got 48';
// Go reader: events returned before the error (Sync included), and the error text ('' = none).
const go: Record<string, [number, string]> = {
  '0cb1786dee0f090b': [1, freqErr],
  '1e45307d5b2ec36d': [1, freqErr],
  '2b05796f9b2fc48d': [1, freqErr],
  '2b9be9aebe08d511': [1, freqErr],
  '344331b314da0b08': [1, freqErr],
  '365d7b5b633b3f97': [1, freqErr],
  '4055b17cae1a3443': [1, 'unexpected event type 36'], // a go 1.11 (v1) trace with a FutileWakeup
  '4d9ddc909984e871': [1, freqErr],
  '56f073e57903588c': [1, freqErr],
  '9d6ee7d3ddf8d566': [1, freqErr],
  aeb749b6bc317b66: [1, freqErr],
  'closing-unknown-region': [5, ''],
  d478e18d2d6756b7: [1, freqErr],
  d91203cd397aa0bc: [1, freqErr],
  'invalid-proc-state': [1, 'invalid status for proc 0: 69'],
  'large-id': [2, ''],
  'malformed-timestamp': [0, 'found invalid uvarint for timestamp'],
};

describe('Go fuzz corpus', () => {
  const files = readdirSync(dir).sort();
  it('has all 17 inputs', () => expect(files.length).toBe(17));
  for (const f of files) {
    it(f, async () => {
      const bytes = readGoFuzzCorpus(readFileSync(path.join(dir, f), 'utf8'));
      const [goEvents, goError] = go[f];
      let model;
      let error: unknown;
      try {
        model = await parseTrace(bytesSource(f, bytes));
      } catch (e) {
        error = e;
      }
      if (model) {
        // A model: either clean (Go read it all) or partial with Go's error after the same events.
        expect(model.events).toBe(goEvents);
        if (goError) expect(model.partial?.message).toBe(goError);
        else expect(model.partial).toBeUndefined();
      } else {
        // Nothing usable: Go returned at most the leading Sync before failing the same way.
        expect(error).toBeInstanceOf(ParseError);
        expect((error as ParseError).message).toBe(goError);
        expect((error as ParseError).offset).toBeGreaterThanOrEqual(0);
        expect(goEvents).toBeLessThanOrEqual(1);
      }
    });
  }
});
