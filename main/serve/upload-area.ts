// Where `leakline serve` keeps uploaded copies: one private folder per server in the system temp
// folder, named after the server's pid so that a later launch can tell a folder left by a crashed
// server (pid gone) from one in use, and a quota on the bytes held there at once (finished copies
// plus uploads in flight), so a page cannot fill the disk — or RAM, where /tmp is a tmpfs.
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BridgeFault } from '../service/bridge-error';

export const UPLOAD_DIR_PREFIX = 'leakline-serve-';
/**
 * Default quota. The largest traces we see are ~2 GiB (`npm run fixtures:big` makes 200 MB ones),
 * so 8 GiB holds a hunt's trace and its profiles several times over, and stays well below the
 * free space of a typical /tmp.
 */
export const DEFAULT_UPLOAD_QUOTA_BYTES = 8 * 2 ** 30;

const PID_IN_NAME = new RegExp(`^${UPLOAD_DIR_PREFIX}(\\d{1,10})-[A-Za-z0-9]{6}$`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid exists but belongs to another user (not ours to judge, so: alive).
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes upload folders of servers that are gone (crashed, killed -9): ours by owner and name,
 * real folders (not links), and their pid no longer running. Returns what was removed. A server
 * in another PID namespace sharing this /tmp (a container) would look gone: such setups should
 * give each side its own TMPDIR.
 */
export async function removeStaleUploadDirs(parent: string = tmpdir()): Promise<{ dirs: string[]; bytes: number }> {
  const removed = { dirs: [] as string[], bytes: 0 };
  const uid = process.getuid?.();
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const m = PID_IN_NAME.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    const dir = join(parent, name);
    const st = await lstat(dir).catch(() => null);
    if (!st?.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
    removed.bytes += await folderBytes(dir);
    await rm(dir, { recursive: true, force: true });
    removed.dirs.push(dir);
  }
  return removed;
}

async function folderBytes(dir: string, skip: ReadonlySet<string> = new Set()): Promise<number> {
  let n = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (skip.has(name)) continue;
    const st = await lstat(join(dir, name)).catch(() => null);
    if (st?.isFile()) n += st.size;
  }
  return n;
}

/** One upload's claim on the quota, made before its first byte is stored. */
export interface UploadClaim {
  /** `n` more bytes arrived; throws BridgeFault('limit') when they would exceed the quota. */
  grow(n: number): void;
  /** The copy is complete and kept (`kept`, now counted on disk) or was deleted. */
  end(kept: boolean): void;
}

export class UploadArea {
  /** Bytes claimed by uploads in flight (their announced length, or what arrived if more). */
  private inFlight = 0;
  /** Their files: on disk already, but counted through their claims until complete. */
  private readonly writing = new Set<string>();
  /** Bytes of copies completed so far: a claim's disk scan does not see those finished after it. */
  private completed = 0;

  private constructor(
    readonly dir: string,
    readonly quotaBytes: number,
  ) {}

  /** Cleans up after crashed servers, then makes this server's folder (0700, as mkdtemp does). */
  static async create(quotaBytes: number, parent: string = tmpdir()): Promise<{ area: UploadArea; stale: { dirs: string[]; bytes: number } }> {
    const stale = await removeStaleUploadDirs(parent);
    const dir = await mkdtemp(join(parent, `${UPLOAD_DIR_PREFIX}${process.pid}-`));
    return { area: new UploadArea(dir, quotaBytes), stale };
  }

  /** Bytes held: finished copies on disk (closing a document deletes its copy) plus uploads in flight. */
  async usedBytes(): Promise<number> {
    return (await folderBytes(this.dir, this.writing)) + this.inFlight;
  }

  /**
   * Claims room for the upload stored as `fileName` in this folder, announcing `announced` bytes
   * (-1: unknown, claimed as they arrive). The announced length is claimed at once, so two large
   * uploads started together cannot both pass a check made before either wrote anything.
   */
  async claim(fileName: string, shownName: string, announced: number): Promise<UploadClaim> {
    const onDisk = await folderBytes(this.dir, this.writing);
    const completedBefore = this.completed;
    const free = () => this.quotaBytes - onDisk - (this.completed - completedBefore) - this.inFlight;
    let claimed = Math.max(0, announced);
    if (claimed > free()) throw this.full(shownName);
    this.inFlight += claimed;
    this.writing.add(fileName);
    let received = 0;
    let open = true;
    return {
      grow: (n) => {
        if (!open) return;
        received += n;
        if (received <= claimed) return;
        const extra = received - claimed;
        if (extra > free()) throw this.full(shownName);
        this.inFlight += extra;
        claimed = received;
      },
      end: (kept) => {
        if (!open) return;
        open = false;
        this.inFlight -= claimed;
        if (kept) this.completed += received;
        this.writing.delete(fileName);
      },
    };
  }

  private full(name: string): BridgeFault {
    return new BridgeFault('limit', `${name}: the uploads of this server would exceed its quota of ${formatBytes(this.quotaBytes)} (leakline serve --upload-quota); close a document to free room`);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}

/** "8GiB", "500M", "1073741824" → bytes; null when unreadable. */
export function parseByteSize(text: string): number | null {
  const m = /^([0-9]{1,15})\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?$/i.exec(text.trim());
  if (!m) return null;
  const power = { b: 0, k: 1, m: 2, g: 3, t: 4 }[(m[2] ?? 'b')[0].toLowerCase() as 'b' | 'k' | 'm' | 'g' | 't'];
  const n = Number(m[1]) * 1024 ** power;
  return Number.isSafeInteger(n) ? n : null;
}
