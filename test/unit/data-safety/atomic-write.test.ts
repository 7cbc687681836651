// writeFileAtomic / writeFileAtomicSync on real files: whole or nothing, mode kept, links
// followed only when allowed (never a dangling one), no temporary file left by a failure.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LinkRefused, writeFileAtomic, writeFileAtomicSync } from '../../../main/service/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakline-atomic-'));
});
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe.each([
  ['async', (p: string, d: string, o?: { noFollow?: boolean }) => writeFileAtomic(p, d, o)],
  ['sync', async (p: string, d: string, o?: { noFollow?: boolean }) => writeFileAtomicSync(p, d, o)],
] as const)('writeFileAtomic (%s)', (_name, write) => {
  it('creates, then replaces whole, keeping the mode of the file it replaces', async () => {
    const f = join(dir, 'settings.json');
    await write(f, '{"a":1}');
    expect(readFileSync(f, 'utf8')).toBe('{"a":1}');
    chmodSync(f, 0o600);
    await write(f, '{"a":2}');
    expect(readFileSync(f, 'utf8')).toBe('{"a":2}');
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(leftovers()).toEqual([]);
  });

  it('follows a link to a file by default (the link stays a link); refuses it with noFollow', async () => {
    const real = join(dir, 'real.json');
    writeFileSync(real, 'old');
    const link = join(dir, 'link.json');
    symlinkSync(real, link);
    await write(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
    await expect(write(link, 'newer', { noFollow: true })).rejects.toBeInstanceOf(LinkRefused);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  it('never creates the target of a dangling link', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'leakline-outside-')), 'created.json');
    const link = join(dir, '.leakline.json');
    symlinkSync(outside, link);
    for (const opts of [{}, { noFollow: true }]) await expect(write(link, '{}', opts)).rejects.toBeInstanceOf(LinkRefused);
    expect(existsSync(outside)).toBe(false);
    expect(readlinkSync(link)).toBe(outside);
  });

  it('a failed write leaves the old content and no temporary file', async () => {
    // A non-empty folder where the file should go: the final rename fails.
    const f = join(dir, 'busy');
    mkdirSync(f);
    writeFileSync(join(f, 'x'), 'x');
    await expect(write(f, 'data')).rejects.toThrow();
    expect(statSync(f).isDirectory()).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
