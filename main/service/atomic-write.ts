// Every file Leakline writes (reports, `.leakline.json`, recent files, editor settings) is written
// whole or not at all: a temporary file in the same folder, flushed to disk (fsync), then
// renamed over the target — rename within one file system is atomic, so a crash, a full disk or
// a second writer never leaves a half-written file where the old one was.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { lstat, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Refuse when the target is a symbolic link (even a dangling one) instead of writing to where
   * it points: for files in folders someone else may have prepared (`.leakline.json`).
   */
  noFollow?: boolean;
}

/** Thrown for a target that is a link under `noFollow`; `code` mimics an errno for callers. */
export class LinkRefused extends Error {
  readonly code = 'ELOOP';
  constructor(readonly path: string) {
    super(`${path} is a symbolic link; not written through it`);
  }
}

const tempName = (target: string) => join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);

/** Where to write: the target itself, or (following links unless refused) the file it names. */
async function resolveTarget(path: string, opts: AtomicWriteOptions): Promise<{ target: string; mode: number; direct: boolean }> {
  const l = await lstat(path).catch(() => null);
  if (l?.isSymbolicLink()) {
    if (opts.noFollow) throw new LinkRefused(path);
    const real = await realpath(path).catch(() => null);
    // A dangling link: nothing to preserve, but its target is not ours to create.
    if (!real) throw new LinkRefused(path);
    return resolveTarget(real, opts);
  }
  // A device or FIFO (`--out /dev/stdout`): there is nothing to replace atomically.
  if (l && !l.isFile() && !l.isDirectory()) return { target: path, mode: l.mode & 0o777, direct: true };
  return { target: path, mode: l ? l.mode & 0o777 : 0o644, direct: false };
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const { target, mode, direct } = await resolveTarget(path, opts);
  if (direct) {
    const fh = await open(target, 'w');
    try {
      await fh.writeFile(data);
    } finally {
      await fh.close();
    }
    return;
  }
  const tmp = tempName(target);
  const fh = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await syncFolder(dirname(target));
}

/** The same, synchronous: for the small settings files written from synchronous stores. */
export function writeFileAtomicSync(path: string, data: string, opts: AtomicWriteOptions = {}): void {
  let target = path;
  let mode = 0o644;
  const l = (() => {
    try {
      return lstatSync(path);
    } catch {
      return null;
    }
  })();
  if (l?.isSymbolicLink()) {
    if (opts.noFollow) throw new LinkRefused(path);
    try {
      target = realpathSync(path);
    } catch {
      throw new LinkRefused(path);
    }
    mode = statSync(target).mode & 0o777;
  } else if (l) mode = l.mode & 0o777;
  const tmp = tempName(target);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    throw err;
  }
}

/** The rename itself is durable only once the folder is flushed; not every platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) return;
  const fh = await open(dir, 'r').catch(() => null);
  await fh?.sync().catch(() => {});
  await fh?.close();
}
