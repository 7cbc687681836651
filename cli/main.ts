// `leakline`: the command-line entry. bin/leakline.js loads the built copy (out/cli/main.js).
import { existsSync } from 'node:fs';
import { version } from '../package.json';
import { EXIT, UsageError, type Command } from './command';
import { COMMANDS } from './commands';
import { processIo, type CliIo } from './io';

export const VERSION: string = version;

export function helpText(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Leakline: find goroutine leaks in Go traces and profiles.',
    '',
    'Usage: leakline <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help (or `leakline <command> --help`)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo = processIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.out(helpText(commands));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.out(`leakline ${VERSION}\n`);
    return EXIT.ok;
  }
  let cmd = commands.find((c) => c.name === first);
  if (!cmd && existsSync(first)) {
    // `leakline trace.out …` (and OS file associations of a CLI install) means `leakline open …`.
    cmd = commands.find((c) => c.name === 'open');
    if (cmd) rest.unshift(first);
  }
  if (!cmd) {
    io.err(`leakline: unknown command "${first}"\n\n${helpText(commands)}`);
    return EXIT.usage;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.out(cmd.usage.endsWith('\n') ? cmd.usage : cmd.usage + '\n');
    return EXIT.ok;
  }
  try {
    return await cmd.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`leakline ${cmd.name}: ${err.message}\n\n${cmd.usage}\n`);
      return EXIT.usage;
    }
    io.err(`leakline ${cmd.name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failure;
  }
}
