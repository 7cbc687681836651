import { describe, expect, it } from 'vitest';
import { EXIT, type Command } from '../../cli/command';
import { COMMANDS } from '../../cli/commands';
import { parsePort, startServe } from '../../cli/commands/serve';
import { runCli, VERSION } from '../../cli/main';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../support/corpus';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('leakline CLI', () => {
  it('--version prints the package.json version', async () => {
    const pkg = JSON.parse(readFileSync(`${repoRoot}/package.json`, 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const c = capture();
      expect(await runCli([flag], c.io)).toBe(EXIT.ok);
      expect(c.out.join('')).toBe(`leakline ${pkg.version}\n`);
    }
    expect(VERSION).toBe(pkg.version);
  });

  it('--help lists every registered command with its summary', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(EXIT.ok);
    const text = c.out.join('');
    expect(text).toMatch(/^Usage: leakline <command>/m);
    // Names are padded to the longest one, so the gap varies.
    for (const cmd of COMMANDS) expect(text.split('\n')).toContain(`  ${cmd.name.padEnd(Math.max(...COMMANDS.map((c) => c.name.length)))}  ${cmd.summary}`);
  });

  it('no arguments prints help and exits 2; unknown commands exit 2', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(EXIT.usage);
    const d = capture();
    expect(await runCli(['frobnicate'], d.io)).toBe(EXIT.usage);
    expect(d.err.join('')).toContain('unknown command "frobnicate"');
  });

  it('routes to a command from the table, with <command> --help and usage errors', async () => {
    const seen: string[][] = [];
    const fake: Command = { name: 'echo', summary: 'echo args', usage: 'Usage: leakline echo [args]', run: async (argv) => (seen.push(argv), 0) };
    const c = capture();
    expect(await runCli(['echo', 'a', 'b'], c.io, [fake])).toBe(0);
    expect(seen).toEqual([['a', 'b']]);
    expect(await runCli(['echo', '--help'], c.io, [fake])).toBe(0);
    expect(c.out.join('')).toContain('Usage: leakline echo');
  });

  it('serve rejects bad usage with exit 2', async () => {
    for (const argv of [['--port', 'abc'], ['--port', '70000'], ['--port'], ['--bogus'], ['/nonexistent/trace.out']]) {
      const c = capture();
      const serveOnly = COMMANDS.filter((x) => x.name === 'serve');
      expect(await runCli(['serve', ...argv], c.io, serveOnly), argv.join(' ')).toBe(EXIT.usage);
      expect(c.err.join('')).toMatch(/^leakline serve: /);
    }
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    await expect(startServe([repoRoot], () => {})).rejects.toThrow('not a regular file');
  });
});
