// The inspect command end to end on real files: one JSON object for a trace (v2 and v1), a
// refused Go 1.10 trace and a file in no Go format (a README) as typed errors with exit code 2.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectCommand } from '../../../cli/commands/inspect';
import { corpus } from '../../support/corpus';

const real = corpus('realworld');

let inspect = inspectCommand();
function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  inspect = inspectCommand({ out: (t) => void (out += t), err: (t) => void (err += t) });
  return { out: () => out, err: () => err };
}

describe('leakline inspect', () => {
  it('--json prints exactly one JSON object for a Go 1.26 trace', async () => {
    const c = capture();
    const code = await inspect.run([path.join(real, 'traces/012.trace'), '--json']);
    expect(code).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines.length).toBe(1);
    const j = JSON.parse(lines[0]) as { format: string; goVersion: string; events: number; goroutines: { total: number } };
    expect(j.format).toBe('go-trace');
    expect(j.goVersion).toBe('1.26');
    expect(j.events).toBe(1155); // Go's reader on the same file
    expect(j.goroutines.total).toBe(15);
  });

  it('prints a readable summary without --json', async () => {
    const c = capture();
    expect(await inspect.run([path.join(real, 'traces/011.trace')])).toBe(0);
    expect(c.out()).toMatch(/execution trace, trace format 1\.25 \(Go 1\.25\+\)/);
    expect(c.out()).not.toMatch(/Go 1\.25 execution trace/);
    expect(c.out()).toMatch(/93 seen, 49 ended during the trace, 44 alive at the end/);
  });

  it('reads a Go 1.19 (v1 format) trace', async () => {
    const c = capture();
    expect(await inspect.run([path.join(real, 'traces/005.trace'), '--json'])).toBe(0);
    const j = JSON.parse(c.out()) as { goVersion: string; events: number; generations: number; partial: unknown; goroutines: { total: number; endedInTrace: number } };
    expect(j.goVersion).toBe('1.19');
    expect(j.events).toBe(63378); // Go's reader on the same file
    expect(j.generations).toBe(1);
    expect(j.partial).toBe(false);
    expect(j.goroutines.total).toBe(655);
    expect(j.goroutines.endedInTrace).toBe(53);
  });

  it('refuses a Go 1.10 trace with the documented reason', async () => {
    const c = capture();
    expect(await inspect.run([path.join(real, 'traces/001.trace'), '--json'])).toBe(2);
    const j = JSON.parse(c.out()) as { error: { code: string; message: string } };
    expect(j.error.code).toBe('unsupported-version');
    expect(j.error.message).toMatch(/Go 1\.10 and older/);
  });

  it('reports unknown-format for a file in no Go format', async () => {
    const c = capture();
    expect(await inspect.run([path.join(real, 'README.md')])).toBe(2);
    expect(c.err()).toMatch(/unknown-format/);
  });
});
