// Row names cut in the middle (renderer/src/timeline/middle-ellipsis.ts), on the goroutine names of
// a real trace: the http-handler-leak fixture's net/http goroutines, whose names differ only at the
// end ((*persistConn).readLoop / writeLoop), were indistinguishable when cut at the end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { splitForMiddleEllipsis } from '../../../renderer/src/timeline/middle-ellipsis';
import { startFunctionOf } from '../../../renderer/src/timeline/rows';
import { fixtures } from '../../support/corpus';

describe('middle ellipsis on real goroutine names', () => {
  it('keeps each function name whole in the tail, and loses nothing', async () => {
    const file = fixtures('go1.26', 'http-handler-leak', 'trace.out');
    const m = expandSpans(await parseTrace(bytesSource('trace.out', new Uint8Array(readFileSync(file)))));
    const names = new Set<string>();
    for (let r = 0; r < m.goroutines.count; r++) names.add(startFunctionOf(m, r));
    const short = [...names].filter(Boolean).map((n) => n.slice(n.lastIndexOf('/') + 1));
    for (const n of short) {
      const [head, tail] = splitForMiddleEllipsis(n);
      expect(head + tail).toBe(n);
      expect(tail.length).toBeGreaterThan(0);
    }
    const loops = short.filter((n) => /\(\*persistConn\)\.(read|write)Loop$/.test(n));
    expect(loops.length).toBe(2);
    expect(loops.map((n) => splitForMiddleEllipsis(n))).toEqual([
      ['http.(*persistConn).', loops[0].endsWith('readLoop') ? 'readLoop' : 'writeLoop'],
      ['http.(*persistConn).', loops[1].endsWith('readLoop') ? 'readLoop' : 'writeLoop'],
    ]);
    // Closures stay with their function: "handleItem.func1", not "func1".
    expect(splitForMiddleEllipsis('main.handleItem.func1')).toEqual(['main.', 'handleItem.func1']);
    expect(splitForMiddleEllipsis('worker.(*Pool).run.func1.2')).toEqual(['worker.(*Pool).', 'run.func1.2']);
  });
});
