// Manifest check: every group declared in a fixture's truth.json (written by the fixture
// generator from the program's manifest, ids resolved against the same run) is found in the
// parsed goroutine.debug2.txt with the right ids, count, wait reason, entry function (bottom
// frame) and blocking function (innermost frame of the program's own code); "ended" groups are
// absent; for go1.26 the leakedIds are exactly the "(leaked)" goroutines of goroutineleak.debug2.txt
// among the declared ones.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { repoRoot } from '../support/corpus';

interface TruthGroup {
  count: number;
  startFunc: string;
  blockedIn?: string;
  waitReason: string;
  ids?: number[];
  leakedIds?: number[];
  inLeakProfile?: boolean;
}
interface Truth {
  scenario: string;
  goVersion: string;
  leaks: TruthGroup[];
  healthy: TruthGroup[];
  ended?: TruthGroup[];
}

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const dirs: string[] = [];
for (const v of readdirSync(fixtures).sort()) {
  for (const s of readdirSync(path.join(fixtures, v)).sort()) {
    const d = path.join(fixtures, v, s);
    if (existsSync(path.join(d, 'truth.json')) && existsSync(path.join(d, 'goroutine.debug2.txt'))) dirs.push(d);
  }
}

const own = (func: string) => func.startsWith('main.') || func.startsWith('goprograms/');

async function dump(file: string) {
  return parseGoroutineText(bytesSource(path.basename(file), new Uint8Array(readFileSync(file))));
}

describe('truth.json groups appear in the parsed debug=2 dump', () => {
  it(`covers ${dirs.length} fixture runs`, () => expect(dirs.length).toBeGreaterThanOrEqual(140));

  for (const dir of dirs) {
    it(path.relative(fixtures, dir), async () => {
      const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
      const p = await dump(path.join(dir, 'goroutine.debug2.txt'));
      const byId = new Map(p.goroutines!.map((g) => [g.id, g]));
      for (const group of [...truth.leaks, ...truth.healthy]) {
        const ids = group.ids ?? [];
        expect(ids.length, `${group.startFunc} count`).toBe(group.count);
        const ourGroups = new Set<number>();
        for (const id of ids) {
          const g = byId.get(id);
          expect(g, `goroutine ${id} (${group.startFunc})`).toBeDefined();
          expect(g!.state, `goroutine ${id} wait reason`).toBe(group.waitReason);
          const stack = p.groups[g!.group].stack;
          expect(stack[stack.length - 1].func, `goroutine ${id} entry`).toBe(group.startFunc);
          if (group.blockedIn) expect(stack.find((f) => own(f.func))?.func, `goroutine ${id} blocked in`).toBe(group.blockedIn);
          ourGroups.add(g!.group);
        }
        // The declared goroutines are grouped among themselves, never with undeclared ones.
        const grouped = [...ourGroups].flatMap((i) => p.groups[i].ids ?? []);
        expect(grouped.sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      }
      for (const ended of truth.ended ?? []) {
        const still = p.groups.filter((g) => g.stack[g.stack.length - 1]?.func === ended.startFunc);
        expect(still, `ended ${ended.startFunc}`).toEqual([]);
      }
      const leakFile = path.join(dir, 'goroutineleak.debug2.txt');
      if (existsSync(leakFile)) {
        const lp = await dump(leakFile);
        const leaked = new Set(lp.goroutines!.filter((g) => g.leaked).map((g) => g.id));
        for (const group of [...truth.leaks, ...truth.healthy]) {
          const declared = group.ids ?? [];
          expect(declared.filter((id) => leaked.has(id)).sort(), `${group.startFunc} leaked ids`).toEqual([...(group.leakedIds ?? [])].sort());
        }
        expect(lp.profileType).toBe(leaked.size ? 'goroutineleak' : 'goroutine');
      }
    });
  }
});
