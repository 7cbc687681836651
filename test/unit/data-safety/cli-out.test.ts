// `--out` of `leakline report` and `leakline diff` on real corpus files: an output path that is
// one of the inputs (however spelled: the same path, a symbolic link, a hard link, the config
// read) is refused with exit 2 and the input is left byte for byte; other outputs are written
// whole, atomically, and a device is written to, never replaced.
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runDiff } from '../../../cli/commands/diff';
import { runReport } from '../../../cli/commands/report';
import { fixtures } from '../../support/corpus';

let dir: string;
const SCENARIO = 'go1.26/growing-leak';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakline-out-'));
  for (const f of ['trace.out', 'goroutine-1.pb.gz', 'goroutine-2.pb.gz', 'goroutine-3.pb.gz']) copyFileSync(fixtures(SCENARIO, f), join(dir, f));
});

async function cli(run: (argv: string[], io: { out(t: string): void; err(t: string): void }) => Promise<number>, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const bytes = (f: string) => readFileSync(join(dir, f));

describe('leakline report --out', () => {
  it('refuses to write over its input, and the trace survives byte for byte', async () => {
    const before = bytes('trace.out');
    const r = await cli(runReport, [join(dir, 'trace.out'), '--format', 'json', '--out', join(dir, 'trace.out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${join(dir, 'trace.out')} is the input ${join(dir, 'trace.out')}: refusing to overwrite it`);
    expect(bytes('trace.out').equals(before)).toBe(true);
  });

  it('sees through other spellings, symbolic links and hard links, and folder inputs', async () => {
    const before = bytes('goroutine-2.pb.gz');
    symlinkSync(join(dir, 'goroutine-2.pb.gz'), join(dir, 'link.pb.gz'));
    linkSync(join(dir, 'goroutine-2.pb.gz'), join(dir, 'hard.pb.gz'));
    mkdirSync(join(dir, 'sub'));
    for (const out of [join(dir, 'sub', '..', 'goroutine-2.pb.gz'), join(dir, 'link.pb.gz'), join(dir, 'hard.pb.gz')]) {
      const r = await cli(runReport, [join(dir, 'trace.out'), join(dir, 'goroutine-2.pb.gz'), '--out', out]);
      expect(r.code, out).toBe(2);
    }
    // A folder: its profiles are inputs too.
    expect((await cli(runReport, [dir, '--out', join(dir, 'goroutine-3.pb.gz')])).code).toBe(2);
    expect(bytes('goroutine-2.pb.gz').equals(before)).toBe(true);
  });

  it('refuses to write over the .leakline.json it read', async () => {
    const config = JSON.stringify({ ignore: { topFunction: ['x.y'] } });
    writeFileSync(join(dir, '.leakline.json'), config);
    const r = await cli(runReport, [join(dir, 'trace.out'), '--out', join(dir, '.leakline.json')]);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, '.leakline.json'), 'utf8')).toBe(config);
  });

  it('writes a new report, and replaces an old one whole (no temporary file left)', async () => {
    const out = join(dir, 'report.json');
    expect((await cli(runReport, [join(dir, 'trace.out'), '--format', 'json', '--out', out])).code).toBeLessThan(2);
    const first = readFileSync(out, 'utf8');
    expect(JSON.parse(first)).toHaveProperty('leaks');
    writeFileSync(out, 'an older report');
    expect((await cli(runReport, [join(dir, 'trace.out'), '--format', 'json', '--out', out])).code).toBeLessThan(2);
    expect(readFileSync(out, 'utf8')).toBe(first);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A later run over a folder holding its own earlier report: the report is no input (not a profile).
    expect((await cli(runReport, [dir, '--format', 'json', '--out', out])).code).toBeLessThan(2);
  });

  it('writes into a device instead of replacing it', async () => {
    const r = await cli(runReport, [join(dir, 'trace.out'), '--out', '/dev/null']);
    expect(r.code).toBeLessThan(2);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('leakline diff --out', () => {
  it('refuses to write over a snapshot it compares', async () => {
    const before = bytes('goroutine-3.pb.gz');
    const r = await cli(runDiff, [join(dir, 'goroutine-1.pb.gz'), join(dir, 'goroutine-3.pb.gz'), '--out', join(dir, 'goroutine-3.pb.gz')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('refusing to overwrite it');
    expect(bytes('goroutine-3.pb.gz').equals(before)).toBe(true);
  });

  it('writes the table elsewhere', async () => {
    const out = join(dir, 'diff.md');
    const r = await cli(runDiff, [join(dir, 'goroutine-1.pb.gz'), join(dir, 'goroutine-3.pb.gz'), '--out', out]);
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toContain('|');
  });
});

describe('leakline report and .leakline.json links', () => {
  it('a .leakline.json beside the input that is a symbolic link is refused, as the app refuses it', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'leakline-elsewhere-')), 'rules.json');
    writeFileSync(elsewhere, JSON.stringify({ ignore: { topFunction: ['main.main'] } }));
    symlinkSync(elsewhere, join(dir, '.leakline.json'));
    const r = await cli(runReport, [join(dir, 'trace.out')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}/.leakline.json is a symbolic link`);
    // Named explicitly, the user's own choice is read.
    expect((await cli(runReport, [join(dir, 'trace.out'), '--config', elsewhere])).code).toBeLessThan(2);
  });
});
