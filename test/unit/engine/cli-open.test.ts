// `leakline open <file…>` / `leakline <file…>`: the launch plan (Electron when its binary is
// installed, browser mode otherwise) and the refusals, on real files.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/command';
import { planOpen } from '../../../cli/commands/open';
import { processIo, type CliIo } from '../../../cli/io';
import { runCli } from '../../../cli/main';
import { engineTraceFixtures } from '../../support/engine-fixtures';

const [a, b] = engineTraceFixtures();

describe('leakline open', () => {
  it('opens in the desktop app when Electron is installed, passing absolute paths', () => {
    const plan = planOpen([a.path, b.path], '/opt/electron/electron');
    expect(plan.kind).toBe('electron');
    if (plan.kind !== 'electron') return;
    expect(plan.binary).toBe('/opt/electron/electron');
    expect(plan.args.slice(1)).toEqual([a.path, b.path]);
  });

  it('falls back to browser mode without the Electron binary', () => {
    expect(planOpen([a.path], null)).toEqual({ kind: 'serve', files: [a.path], reason: 'the Electron binary is not installed' });
  });

  it('refuses no files, missing files, directories and options, naming the path', () => {
    expect(() => planOpen([], null)).toThrow(UsageError);
    const missing = join(tmpdir(), 'leakline-no-such.trace');
    expect(() => planOpen([missing], null)).toThrow(`${missing}: no such file`);
    const dir = mkdtempSync(join(tmpdir(), 'leakline-dir-'));
    expect(() => planOpen([dir], null)).toThrow(`${dir}: not a regular file`);
    expect(() => planOpen(['--evil', a.path], null)).toThrow('unknown option --evil');
  });

  it('`leakline <missing file>` is still an unknown command', async () => {
    const err: string[] = [];
    const io: CliIo = { ...processIo, out: () => {}, err: (s: string) => void err.push(s) };
    const code = await runCli(['/definitely/not/here.trace'], io);
    expect(code).toBe(2);
    expect(err.join('')).toContain('unknown command');
  });
});
