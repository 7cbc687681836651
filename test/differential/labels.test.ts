// pprof labels through all three encodings. The corpus programs set no labels, so
// test/labelprof (a Go program) writes one capture with awkward label values (quotes,
// backslashes, tab, newline, non-ASCII, empty) under GODEBUG=tracebacklabels=1, so Go 1.26+
// also prints them in debug=2 headers (` labels:{"k": "v"}` inside the brackets). Checked:
// proto labels equal google/pprof's (oracle); debug=1 "# labels:" and debug=2 header labels give
// the same (stack, labels) → count table as the proto.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import type { GoroutineProfile } from '../../parsers/model/profile-model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { repoRoot } from '../support/corpus';
import { debug1View, debug2View, tally } from '../helpers/goroutine-views';

const dir = mkdtempSync(path.join(os.tmpdir(), 'leakline-labels-'));
const read = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));

const EXPECTED_LABEL_SETS = [
  { id: '7', worker: 'a b' },
  { path: 'C:\\tmp\\x', quote: 'say "hi"' },
  { ctl: 'tab\there\nnewline', unicode: 'café ☕' },
  { empty: '' },
  { plain: 'v1.2/x_y' },
];

describe('labels: proto, debug=1 and debug=2 (Go tracebacklabels) agree', () => {
  let proto: GoroutineProfile;
  let oracle: { samples: { values: number[]; labels: Record<string, string[]>; numLabels: Record<string, number[]> }[] };
  beforeAll(() => {
    execFileSync('go', ['run', '.', dir], { cwd: path.join(repoRoot, 'test', 'labelprof'), env: { ...process.env, GODEBUG: 'tracebacklabels=1' }, stdio: ['ignore', 'ignore', 'inherit'] });
    const bin = path.join(dir, 'oracle');
    execFileSync('go', ['build', '-o', bin, '.'], { cwd: path.join(repoRoot, 'test', 'oracle'), stdio: ['ignore', 'ignore', 'inherit'] });
    oracle = JSON.parse(execFileSync(bin, ['profile', path.join(dir, 'goroutine.pb.gz')], { encoding: 'utf8' }));
  });

  it('proto labels equal google/pprof and the values the program set', async () => {
    proto = (await parsePprof(bytesSource('goroutine.pb.gz', read('goroutine.pb.gz')))) as GoroutineProfile;
    const ours = proto.groups.map((g) => JSON.stringify([g.count, Object.entries(g.labels ?? {}).sort()])).sort();
    // Known, deliberate difference: Go writes an empty value as string index 0, omitted on the
    // wire, and google/pprof drops such a label; Leakline keeps it as "" (what Go wrote and what
    // debug=1/2 print). The oracle's rows get that one label back for the comparison.
    const theirs = oracle.samples
      .map((s) => {
        const labels = Object.entries(s.labels).map(([k, v]) => [k, v[0]]);
        if (s.values[0] === 4 && labels.length === 0) labels.push(['empty', '']);
        return JSON.stringify([s.values[0], labels.sort()]);
      })
      .sort();
    expect(ours).toEqual(theirs);
    const sets = proto.groups.filter((g) => g.labels).map((g) => [g.count, g.labels]);
    expect(sets.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(EXPECTED_LABEL_SETS.map((l, i) => [i + 1, l]));
  });

  it('debug=1 "# labels:" lines (Go %q) give the proto table', async () => {
    const d1 = await parseGoroutineText(bytesSource('d1', read('goroutine.debug1.txt')));
    expect(d1.warnings).toEqual([]);
    expect(tally(d1.groups.map((g) => ({ frames: g.stack, count: g.count, labels: g.labels })), true)).toEqual(
      tally(proto.groups.map((g) => ({ frames: debug1View(g.stack), count: g.count, labels: g.labels })), true),
    );
  });

  it('debug=2 header labels (printquoted) give the proto table', async () => {
    const d2 = await parseGoroutineText(bytesSource('d2', read('goroutine.debug2.txt')));
    expect(d2.warnings).toEqual([]);
    const labelled = d2.goroutines!.filter((g) => g.labels).length;
    expect(labelled).toBe(15);
    expect(tally(d2.groups.map((g) => ({ frames: g.stack, count: g.count, labels: g.labels })), true)).toEqual(
      tally(proto.groups.map((g) => ({ frames: debug2View(g.stack), count: g.count, labels: g.labels })), true),
    );
  });
});
