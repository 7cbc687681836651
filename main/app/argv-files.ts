// Files named on a command line (and by OS file associations on Linux/Windows). A second
// launch's arguments arrive in the first instance ('second-instance'), whose working directory
// is not the second one's: relative paths resolve against the launching shell's directory.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export function filesFromArgv(argv: readonly string[], opts: { isPackaged: boolean; cwd: string }): string[] {
  // Packaged: [exe, ...args]; unpackaged: [electron, app dir, ...args]. Chromium adds switches.
  const args = argv.slice(opts.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  return args.map((a) => resolve(opts.cwd, a)).filter((p) => existsSync(p) && statSync(p).isFile());
}
