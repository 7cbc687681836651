/** One `leakline <name>` subcommand. Each lives in cli/commands/<name>.ts and is listed in cli/commands/index.ts. */
export interface Command {
  name: string;
  /** One line for `leakline --help`. */
  summary: string;
  /** Full usage text for `leakline <name> --help`. */
  usage: string;
  /** `argv` excludes the command name. Resolves to the exit code (see EXIT). */
  run(argv: string[]): Promise<number>;
}

export const EXIT = {
  ok: 0,
  /** Runtime failure (I/O, internal error). */
  failure: 1,
  /** Bad usage or bad input. */
  usage: 2,
} as const;

/** Thrown by argument parsing; the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
