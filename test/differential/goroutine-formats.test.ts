// One capture, three encodings: for every capture of the corpus (goroutine*.pb.gz with its
// .debug1.txt and .debug2.txt, goroutineleak.* in go1.26) the text parsers must agree with the
// debug=0 profile parsed by the proto parser (itself checked against google/pprof in
// pprof.test.ts): same total, and the same stacks with the same counts once each proto stack is
// shown the way the runtime prints it in that text format:
//   debug=1 (runtime/pprof printStackRecord): leading runtime.* / internal/runtime/* frames and
//           runtime.goexit hidden; all frames (but goexit) if that hides everything.
//   debug=2 (runtime traceback showfuncinfo at level 1): unexported runtime.* frames hidden
//           everywhere; all frames if that hides everything.
// Excluded, with reasons:
// - the goroutine writing the profile. The three encodings are written one after the other by
//   that goroutine, so its own stack differs between them (harness.go:131 vs :133,
//   writeGoroutine vs writeGoroutineStacks) while every parked goroutine is identical;
// - the fixture harness's execution-trace reader (runtime/trace.Start.func1, or
//   traceMultiplexer.startLocked.func1 since 1.25): it keeps running while the captures are
//   taken, so it can move between them (go1.21 double-send: trace.go:128 in the proto, :130 in
//   ReadTrace in the text captures taken just after).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import type { GoroutineProfile } from '../../parsers/model/profile-model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { repoRoot } from '../support/corpus';
import { debug1View, debug2View, tally } from '../helpers/goroutine-views';

const fixtures = path.join(repoRoot, 'test', 'fixtures');

interface Capture {
  name: string;
  dir: string;
  prefix: string;
}

function captures(): Capture[] {
  const out: Capture[] = [];
  for (const v of readdirSync(fixtures).sort()) {
    for (const s of readdirSync(path.join(fixtures, v)).sort()) {
      const dir = path.join(fixtures, v, s);
      for (const f of readdirSync(dir).sort()) {
        const m = /^(goroutine(?:leak)?(?:-\d+)?)\.pb\.gz$/.exec(f);
        if (m && existsSync(path.join(dir, `${m[1]}.debug1.txt`)) && existsSync(path.join(dir, `${m[1]}.debug2.txt`))) {
          out.push({ name: `${v}/${s}/${m[1]}`, dir, prefix: m[1] });
        }
      }
    }
  }
  return out;
}

const read = (c: Capture, ext: string) => new Uint8Array(readFileSync(path.join(c.dir, `${c.prefix}${ext}`)));

describe('debug=1 and debug=2 agree with debug=0 of the same capture', () => {
  const all = captures();
  it(`covers ${all.length} captures across Go versions`, () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((c) => c.prefix === 'goroutineleak').length).toBeGreaterThanOrEqual(20);
  });

  for (const c of all) {
    it(c.name, async () => {
      const proto = (await parsePprof(bytesSource('p.pb.gz', read(c, '.pb.gz')))) as GoroutineProfile;
      const d1 = await parseGoroutineText(bytesSource('d1.txt', read(c, '.debug1.txt')));
      const d2 = await parseGoroutineText(bytesSource('d2.txt', read(c, '.debug2.txt')));
      expect(proto.kind).toBe('goroutines');
      expect(d1.format).toBe('goroutine-debug1');
      expect(d2.format).toBe('goroutine-debug2');
      const leak = c.prefix === 'goroutineleak';
      expect(d1.profileType).toBe(leak ? 'goroutineleak' : 'goroutine');
      expect([d1.warnings, d2.warnings, d1.partial, d2.partial]).toEqual([[], [], undefined, undefined]);

      // Totals: a goroutineleak debug=2 is a dump of every goroutine; its "(leaked)" ones are the profile.
      const d2Goroutines = (d2.goroutines ?? []).filter((g) => !leak || g.leaked);
      expect(d1.total).toBe(proto.total);
      expect(d2Goroutines.length).toBe(proto.total);

      const protoGroups = proto.groups.map((g) => ({ frames: g.stack, count: g.count, labels: g.labels }));
      expect(tally(d1.groups.map((g) => ({ frames: g.stack, count: g.count, labels: g.labels })), true)).toEqual(
        tally(protoGroups.map((g) => ({ ...g, frames: debug1View(g.frames) })), true),
      );
      const d2Groups = d2.groups.filter((g) => !leak || g.leaked).map((g) => ({ frames: g.stack, count: g.count }));
      expect(tally(d2Groups, false)).toEqual(tally(protoGroups.map((g) => ({ frames: debug2View(g.frames), count: g.count })), false));
    });
  }
});
