// `.leakline.json` (schema: contract/project-config.ts parseConfig) as the app reads and writes it. The
// file sits in a project folder that may hold anything, so: a symbolic link there is never
// followed (a dangling one made the app create a file outside the folder), writes are atomic
// (atomic-write.ts), and a write merges the user's change with what is on disk at that moment —
// another window, `git pull` or an editor may have changed the file since the app read it.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, parseConfig, type HuntIgnoreRules, type IgnoreRules, type LeaklineConfig } from '../../contract';
import { writeFileAtomic } from './atomic-write';
import { BridgeFault, fsFault } from './bridge-error';

export const CONFIG_FILE = '.leakline.json';
/** 500 rules of 1,024 characters in each of 3 kinds (validate-hunt.ts) is ~1.5 MB of JSON. */
const MAX_CONFIG_BYTES = 4 << 20;

const KINDS = ['topFunction', 'anyFunction', 'createdBy'] as const;

export type ConfigText = { text: string | null } | { error: string };

/** The file's text (null when there is none), or why it cannot be used. Never through a link. */
export async function readConfigText(folder: string): Promise<ConfigText> {
  const path = join(folder, CONFIG_FILE);
  let fh;
  try {
    // O_NOFOLLOW: a link fails with ELOOP instead of being followed; O_NONBLOCK: a FIFO does not hang.
    fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { text: null };
    if (code === 'ELOOP') return { error: `${CONFIG_FILE} is a symbolic link: Leakline reads and writes it only as a regular file in the project folder` };
    return { error: `${CONFIG_FILE}: ${fsFault(err, CONFIG_FILE).message}` };
  }
  try {
    const st = await fh.stat();
    if (!st.isFile()) return { error: `${CONFIG_FILE} is not a regular file` };
    if (st.size > MAX_CONFIG_BYTES) return { error: `${CONFIG_FILE} is ${st.size} bytes, more than a configuration file (${MAX_CONFIG_BYTES})` };
    return { text: await fh.readFile('utf8') };
  } catch (err) {
    return { error: `${CONFIG_FILE}: ${fsFault(err, CONFIG_FILE).message}` };
  } finally {
    await fh.close();
  }
}

/** Reads and validates the folder's configuration: nothing, a config, or why it is unusable. */
export async function readProjectConfig(folder: string | null): Promise<{ config?: LeaklineConfig; error?: string }> {
  if (!folder) return {};
  const read = await readConfigText(folder);
  if ('error' in read) return { error: read.error };
  if (read.text === null) return {};
  try {
    return { config: parseConfig(read.text) };
  } catch (err) {
    if (err instanceof ConfigError) return { error: `${CONFIG_FILE}: ${err.message}` };
    throw err;
  }
}

/**
 * The user turned `base` (the rules they were shown) into `next`; apply that change to `current`
 * (the rules on disk now): what they removed goes, what they added is appended, and whatever
 * someone else changed meanwhile stays.
 */
export function mergeRules(current: IgnoreRules, base: IgnoreRules, next: IgnoreRules): HuntIgnoreRules {
  const out = { topFunction: [] as string[], anyFunction: [] as string[], createdBy: [] as string[] };
  for (const k of KINDS) {
    const wanted = new Set(next[k]);
    const removed = new Set(base[k].filter((r) => !wanted.has(r)));
    const had = new Set(base[k]);
    const kept = current[k].filter((r) => !removed.has(r));
    const keptSet = new Set(kept);
    out[k] = [...new Set([...kept, ...next[k].filter((r) => !had.has(r) && !keptSet.has(r))])];
  }
  return out;
}

/** One read-merge-write at a time per file: two quick edits must not both start from one read. */
const writing = new Map<string, Promise<unknown>>();

/**
 * Writes the user's change of the ignore rules (from `base`, what they were shown — undefined
 * when nothing was shown: the disk is then the base) into `<folder>/.leakline.json`, merged with
 * the file as it is now. Keeps `$schema` and `failOn`. Returns the rules written.
 */
export function writeIgnoreRules(folder: string, base: HuntIgnoreRules | undefined, next: HuntIgnoreRules): Promise<HuntIgnoreRules> {
  const path = join(folder, CONFIG_FILE);
  const run = (writing.get(path) ?? Promise.resolve()).catch(() => {}).then(() => writeNow(folder, path, base, next));
  writing.set(path, run);
  void run.finally(() => {
    if (writing.get(path) === run) writing.delete(path);
  }).catch(() => {});
  return run;
}

async function writeNow(folder: string, path: string, base: HuntIgnoreRules | undefined, next: HuntIgnoreRules): Promise<HuntIgnoreRules> {
  const read = await readConfigText(folder);
  if ('error' in read) throw new BridgeFault('bad-request', `${read.error}; fix or delete it first`);
  let raw: Record<string, unknown> = {};
  let current: IgnoreRules = { topFunction: [], anyFunction: [], createdBy: [] };
  if (read.text !== null) {
    try {
      current = parseConfig(read.text).ignore;
    } catch (err) {
      if (err instanceof ConfigError) throw new BridgeFault('bad-request', `${CONFIG_FILE} is not valid (${err.message}); fix or delete it first`);
      throw err;
    }
    raw = JSON.parse(read.text) as Record<string, unknown>;
  }
  const rules = mergeRules(current, base ?? current, next);
  const ignore: Record<string, string[]> = {};
  for (const k of KINDS) if (rules[k].length) ignore[k] = rules[k];
  const out = { ...('$schema' in raw ? { $schema: raw.$schema } : {}), ignore, ...('failOn' in raw ? { failOn: raw.failOn } : {}) };
  try {
    await writeFileAtomic(path, JSON.stringify(out, null, 2) + '\n', { noFollow: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new BridgeFault('bad-request', `${CONFIG_FILE} is a symbolic link: Leakline reads and writes it only as a regular file in the project folder`);
    }
    throw fsFault(err, path);
  }
  return rules;
}
