import { UsageError } from './command';

export interface FlagSpec {
  /** 'boolean' flags take no value; 'string' flags take the next argument or `--flag=value`. */
  [flag: string]: 'boolean' | 'string';
}

export interface ParsedArgs {
  flags: Record<string, string | true>;
  positionals: string[];
}

/** Small strict parser: unknown flags are usage errors; `--` ends flags. */
export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const kind = spec[name];
    if (!kind) throw new UsageError(`unknown option ${name}`);
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`${name} takes no value`);
      flags[name] = true;
    } else {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags[name] = value;
    }
  }
  return { flags, positionals };
}
