// Go 1.25+ synctest header variants from the real runtime: test/synctestdump (a Go test) prints
// runtime.Stack(all) inside a testing/synctest bubble while four bubble goroutines are durably
// blocked. The expected states come from how that program blocks them (dump_test.go), not from
// reading the dump. Complements the golden lines in test/unit/goroutines/header-golden.test.ts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import type { GoroutineProfile } from '../../parsers/model/profile-model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { repoRoot } from '../support/corpus';

describe('synctest bubble dump (go test, Go ≥1.25)', () => {
  let p: GoroutineProfile;
  beforeAll(async () => {
    const out = execFileSync('go', ['test', '-run', 'TestDump', '-count=1', '-v', '.'], { cwd: path.join(repoRoot, 'test', 'synctestdump'), encoding: 'utf8' });
    // The whole `go test -v` output, noise included: the parser finds the dump inside.
    p = await parseGoroutineText(bytesSource('go-test.log', new TextEncoder().encode(out)));
  });

  it('reads the dump out of the go test log, skipping the rest with a warning', () => {
    expect(p.format).toBe('goroutine-debug2');
    expect(p.warnings.map((w) => w.code)).toContain('skipped-lines');
    expect(p.partial).toBeUndefined();
  });

  it('each durably blocked goroutine has its state, (durable), the bubble id and lock flag', () => {
    const byEntry = (suffix: string) => {
      const g = p.groups.find((x) => x.stack.some((f) => f.func === `leakline/test/synctestdump.TestDump.func1.${suffix}`));
      expect(g, suffix).toBeDefined();
      return g!;
    };
    const bubble = byEntry('1').bubble;
    expect(bubble).toBeGreaterThan(0);
    expect(byEntry('1')).toMatchObject({ state: 'chan receive (durable)', durable: true, bubble });
    expect(byEntry('2')).toMatchObject({ state: 'sync.Cond.Wait (durable)', durable: true, bubble });
    expect(byEntry('3')).toMatchObject({ state: 'sync.WaitGroup.Wait (durable)', durable: true, bubble });
    expect(byEntry('4')).toMatchObject({ state: 'select (durable)', durable: true, bubble, lockedToThread: true });
    // The goroutine taking the dump runs inside the bubble; goroutine 1 (the test runner) is outside.
    const running = p.groups.find((g) => g.state === 'running')!;
    expect(running).toMatchObject({ bubble });
    expect(running.durable).toBeUndefined();
    expect(p.groups.filter((g) => g.bubble === undefined).map((g) => g.state)).toContain('chan receive');
  });
});
