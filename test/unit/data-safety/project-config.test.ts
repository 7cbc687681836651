// `.leakline.json` through the hunt verbs on real corpus files: never read or written through a
// symbolic link (a dangling one once made the app create a file outside the folder), written
// atomically, and a write merges the user's change with what is on disk at that moment.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HuntIgnoreRules } from '../../../contract';
import { BridgeService } from '../../../main/service/bridge-service';
import { mergeRules } from '../../../main/service/project-config';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { fixtures } from '../../support/corpus';

let dir: string;
const service = () => new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore() });
const rules = (topFunction: string[], anyFunction: string[] = []): HuntIgnoreRules => ({ topFunction, anyFunction, createdBy: [] });
const onDisk = () => JSON.parse(readFileSync(join(dir, '.leakline.json'), 'utf8')) as { ignore: Partial<HuntIgnoreRules>; failOn?: string; $schema?: string };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakline-config-'));
  copyFileSync(fixtures('go1.26/chan-recv-no-sender/trace.out'), join(dir, 'trace.out'));
});

describe('.leakline.json and symbolic links', () => {
  it('a dangling link is neither read nor written, and its target is never created', async () => {
    const outside = join(mkdtempSync(join(tmpdir(), 'leakline-outside-')), 'evil.json');
    symlinkSync(outside, join(dir, '.leakline.json'));
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    expect((await s.hunt.state(doc.id)).configError).toMatch(/\.leakline\.json is a symbolic link/);
    await expect(s.hunt.setIgnoreRules(doc.id, rules(['main.f']))).rejects.toMatchObject({ code: 'bad-request' });
    expect(existsSync(outside)).toBe(false);
  });

  it('a link to a real config elsewhere is not followed either', async () => {
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'leakline-elsewhere-')), 'config.json');
    writeFileSync(elsewhere, JSON.stringify({ ignore: { topFunction: ['kept.f'] } }));
    symlinkSync(elsewhere, join(dir, '.leakline.json'));
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    const st = await s.hunt.state(doc.id);
    expect(st.configError).toMatch(/symbolic link/);
    expect(st.rules.topFunction).toEqual([]);
    await expect(s.hunt.setIgnoreRules(doc.id, rules(['x.y']))).rejects.toMatchObject({ code: 'bad-request' });
    expect(JSON.parse(readFileSync(elsewhere, 'utf8'))).toEqual({ ignore: { topFunction: ['kept.f'] } });
  });
});

describe('.leakline.json writes merge with the disk', () => {
  it('another writer’s rule, added after the page read the file, survives the user’s edit', async () => {
    writeFileSync(join(dir, '.leakline.json'), JSON.stringify({ $schema: 'x', ignore: { topFunction: ['a.f'] }, failOn: 'high' }));
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    const shown = (await s.hunt.state(doc.id)).rules;
    expect(shown.topFunction).toEqual(['a.f']);
    // Meanwhile (another window, an editor, git pull): b.f is added on disk.
    writeFileSync(join(dir, '.leakline.json'), JSON.stringify({ $schema: 'x', ignore: { topFunction: ['a.f', 'b.f'] }, failOn: 'high' }));
    // The user, looking at [a.f], adds c.f.
    const st = await s.hunt.setIgnoreRules(doc.id, { ...shown, topFunction: ['a.f', 'c.f'] });
    expect(onDisk()).toEqual({ $schema: 'x', ignore: { topFunction: ['a.f', 'b.f', 'c.f'] }, failOn: 'high' });
    expect(st.rules.topFunction).toEqual(['a.f', 'b.f', 'c.f']);
    // Then removes a.f: only a.f goes.
    await s.hunt.setIgnoreRules(doc.id, rules(['b.f', 'c.f']));
    expect(onDisk().ignore.topFunction).toEqual(['b.f', 'c.f']);
    // Someone else removes b.f; the user (still shown b.f) adds d.f: b.f does not come back.
    writeFileSync(join(dir, '.leakline.json'), JSON.stringify({ ignore: { topFunction: ['c.f'] } }));
    await s.hunt.setIgnoreRules(doc.id, rules(['b.f', 'c.f', 'd.f']));
    expect(onDisk().ignore.topFunction).toEqual(['c.f', 'd.f']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('two documents of one folder editing at once: both additions are kept', async () => {
    const s = service();
    copyFileSync(join(dir, 'trace.out'), join(dir, 'second.out'));
    const a = await s.openPath(join(dir, 'trace.out'));
    const b = await s.openPath(join(dir, 'second.out'));
    await Promise.all([s.hunt.state(a.id), s.hunt.state(b.id)]);
    await Promise.all([s.hunt.setIgnoreRules(a.id, rules(['a.f'])), s.hunt.setIgnoreRules(b.id, rules([], ['b.f']))]);
    expect(onDisk().ignore).toEqual({ topFunction: ['a.f'], anyFunction: ['b.f'] });
  });

  it('mergeRules: the change from base to next, applied to current', () => {
    expect(mergeRules(rules(['a', 'b', 'x']), rules(['a', 'b']), rules(['b', 'c']))).toEqual(rules(['b', 'x', 'c']));
    expect(mergeRules(rules([]), rules([]), rules(['a', 'a']))).toEqual(rules(['a']));
  });
});
