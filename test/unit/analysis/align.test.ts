// Stack-signature alignment of goroutine profiles (the core `leakline diff` and the compare view
// reuse): the corpus's growing-leak scenario wrote three snapshots of one process.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { GoroutineProfile } from '../../../parsers/model';
import { alignProfiles, normalizeStack } from '../../../analysis/align';
import { FIXTURES, load } from './corpus';

async function profiles(dir: string, files: string[]): Promise<GoroutineProfile[]> {
  const { inputs } = await load(dir, files);
  return inputs.map((i) => ('profile' in i && i.profile.kind === 'goroutines' ? i.profile : undefined)).filter((p): p is GoroutineProfile => !!p);
}

describe('alignProfiles', () => {
  for (const version of ['go1.22', 'go1.26']) {
    const dir = join(FIXTURES, version, 'growing-leak');
    for (const form of ['pb.gz', 'debug1.txt', 'debug2.txt']) {
      it(`${version} growing-leak, three ${form} snapshots: the leaking group is first and grows in every interval`, async () => {
        const ps = await profiles(dir, [1, 2, 3].map((i) => `goroutine-${i}.${form}`));
        const al = alignProfiles(ps);
        const top = al.groups[0];
        expect(top.function).toBe('main.subscribe.func1');
        expect(top.counts).toEqual([5, 10, 15]);
        expect(top.status).toBe('grown');
        expect(top.growsEveryInterval).toBe(true);
        expect(top.delta).toBe(10);
        // Nothing else grows: the rest of the process is the same in every snapshot.
        for (const g of al.groups.slice(1)) expect(g.growsEveryInterval, g.signature).toBe(false);
        expect(al.totals[2] - al.totals[0]).toBe(10);
      });
    }
  }

  it('debug=0 and debug=2 of the same moment align as identical, debug=1 too', async () => {
    const dir = join(FIXTURES, 'go1.26', 'fanout-no-fanin');
    for (const other of ['goroutine.debug2.txt', 'goroutine.debug1.txt']) {
      const [a, b] = await profiles(dir, ['goroutine.pb.gz', other]);
      const al = alignProfiles([a, b]);
      // The goroutine writing the profile is caught at different lines by different writers.
      const user = al.groups.filter((g) => !g.stack.some((f) => f.func.startsWith('runtime/pprof.')));
      for (const g of user) expect(g.status, `${other}: ${g.signature}`).toBe('same');
      const fan = al.groups.find((g) => g.function === 'main.fanOut.func1');
      expect(fan?.counts).toEqual([4, 4]);
    }
  });

  it('function-only matching joins stacks that differ only in lines', async () => {
    const dir = join(FIXTURES, 'go1.26', 'fanout-no-fanin');
    const [p] = await profiles(dir, ['goroutine.debug2.txt']);
    const shifted: GoroutineProfile = { ...p, groups: p.groups.map((g) => ({ ...g, stack: g.stack.map((f) => ({ ...f, line: f.line + 3 })) })) };
    expect(alignProfiles([p, shifted], 'stack').groups.some((g) => g.status === 'new')).toBe(true);
    expect(alignProfiles([p, shifted], 'function').groups.every((g) => g.status === 'same')).toBe(true);
  });

  it('normalizeStack drops leading runtime frames and runtime.goexit', () => {
    const s = normalizeStack([
      { func: 'runtime.gopark', file: 'p.go', line: 1 },
      { func: 'runtime.chansend1', file: 'c.go', line: 2 },
      { func: 'main.f', file: 'm.go', line: 3 },
      { func: 'runtime.goexit', file: 'a.s', line: 4 },
    ]);
    expect(s.map((f) => f.func)).toEqual(['main.f']);
  });
});
