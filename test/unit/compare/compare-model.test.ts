// The compare view's pure helpers on real corpus snapshots: row filtering/sorting, the raw
// stack of a row per snapshot, and the frame diff that highlights what one format hides.
import { describe, expect, it } from 'vitest';
import { compareSnapshots } from '../../../analysis/compare';
import { diffStacks, filterRows, groupIn, DEFAULT_QUERY, stateLabel } from '../../../renderer/src/compare/compare-model';
import { fixture, loadGoroutines, versionsWith } from './corpus';

const V = versionsWith('growing-leak', 'goroutine-3.pb.gz').pop()!;

async function comparison(ext: string, ...snaps: number[]) {
  const ps = await Promise.all(snaps.map((i) => loadGoroutines(fixture(V, 'growing-leak', `goroutine-${i}.${ext}`))));
  return { ps, c: compareSnapshots(ps.map((profile, i) => ({ name: String(snaps[i]), profile }))) };
}

describe('compare view model', () => {
  it('default query sorts by growth; status and text filters narrow the rows', async () => {
    const { c } = await comparison('pb.gz', 1, 3);
    const rows = filterRows(c.groups, DEFAULT_QUERY);
    expect(rows[0].function).toBe('main.subscribe.func1');
    expect(rows.length).toBe(c.groups.length);
    expect(filterRows(c.groups, { ...DEFAULT_QUERY, status: 'grown' }).map((r) => r.function)).toEqual(['main.subscribe.func1']);
    expect(filterRows(c.groups, { ...DEFAULT_QUERY, status: 'changed' })).toHaveLength(1);
    expect(filterRows(c.groups, { ...DEFAULT_QUERY, status: 'same' })).toHaveLength(c.groups.length - 1);
    expect(filterRows(c.groups, { ...DEFAULT_QUERY, text: 'MAIN.GO:33' }).map((r) => r.function)).toEqual(['main.subscribe.func1']);
    expect(filterRows(c.groups, { ...DEFAULT_QUERY, text: 'no-such-thing' })).toEqual([]);
    const asc = filterRows(c.groups, { ...DEFAULT_QUERY, sort: 'delta', dir: 1 });
    expect(asc[asc.length - 1].function).toBe('main.subscribe.func1');
  });

  it('states: the runtime words from debug=2, an inferred wait reason from the proto park site', async () => {
    const d2 = (await comparison('debug2.txt', 1, 3)).c.groups.find((g) => g.function === 'main.subscribe.func1')!;
    const pb = (await comparison('pb.gz', 1, 3)).c.groups.find((g) => g.function === 'main.subscribe.func1')!;
    expect(stateLabel(d2)).toEqual({ text: 'chan receive', inferred: false });
    expect(stateLabel(pb)).toEqual({ text: 'chan receive', inferred: true });
  });

  it('proto vs debug=2 of one moment: the row resolves to each raw stack; only the runtime frames debug=2 hides differ', async () => {
    const pb = await loadGoroutines(fixture(V, 'growing-leak', 'goroutine-2.pb.gz'));
    const d2 = await loadGoroutines(fixture(V, 'growing-leak', 'goroutine-2.debug2.txt'));
    const c = compareSnapshots([{ name: 'pb', profile: pb }, { name: 'd2', profile: d2 }]);
    const row = c.groups.find((g) => g.function === 'main.subscribe.func1')!;
    const a = groupIn(pb, row.signature, 'stack')!;
    const b = groupIn(d2, row.signature, 'stack')!;
    expect(a.count).toBe(b.count);
    const d = diffStacks(a.stack, b.stack);
    // Every frame only the proto has is an unexported runtime frame (gopark, chanrecv, goexit…).
    const onlyA = d.a.filter((f) => f.changed).map((f) => f.frame.func);
    expect(onlyA.length).toBeGreaterThan(0);
    for (const f of onlyA) expect(f).toMatch(/^runtime\.[a-z]/);
    expect(d.b.filter((f) => f.changed)).toEqual([]);
    expect(d.a.find((f) => f.frame.func === 'main.subscribe.func1')).toMatchObject({ changed: false, lineChanged: false });
  });

  it('the profile writer: same row, different frames and lines in the two formats, highlighted', async () => {
    const pb = await loadGoroutines(fixture(V, 'growing-leak', 'goroutine-1.pb.gz'));
    const d2 = await loadGoroutines(fixture(V, 'growing-leak', 'goroutine-1.debug2.txt'));
    const c = compareSnapshots([{ name: 'pb', profile: pb }, { name: 'd2', profile: d2 }]);
    const row = c.groups.find((g) => g.profileWriter)!;
    expect(row.status).toBe('same');
    const d = diffStacks(groupIn(pb, row.signature, 'stack')!.stack, groupIn(d2, row.signature, 'stack')!.stack);
    // debug=0 writes through writeRuntimeProfile, debug=2 through writeGoroutineStacks.
    expect(d.a.find((f) => f.frame.func === 'runtime/pprof.writeRuntimeProfile')?.changed).toBe(true);
    expect(d.b.find((f) => f.frame.func === 'runtime/pprof.writeGoroutineStacks')?.changed).toBe(true);
    // The harness calls WriteTo from a different line per format: same function, line changed.
    expect(d.a.find((f) => f.frame.func.endsWith('(*H).Snapshot'))?.lineChanged).toBe(true);
  });
});
