// The app's own settings files (Electron: userData/recent.json, editor.json): a damaged file is
// kept aside as <file>.bak and reported, never silently reset; a missing one is just empty.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EDITOR_SETTINGS, jsonEditorStore } from '../../../main/service/editor';
import { jsonRecentStore } from '../../../main/service/recent-store';

const fresh = () => mkdtempSync(join(tmpdir(), 'leakline-userdata-'));

describe('recent.json', () => {
  it('not JSON: kept as recent.json.bak, said so, list empty; the next open writes a good file', () => {
    const dir = fresh();
    const file = join(dir, 'recent.json');
    writeFileSync(file, '[{"path": "/a/trace.out", "na');
    const warnings: string[] = [];
    const store = jsonRecentStore(file, (m) => warnings.push(m));
    expect(store.list()).toEqual([]);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe('[{"path": "/a/trace.out", "na');
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^${file} was damaged \\(not JSON: .*\\); it is kept as ${file}\\.bak$`))]);
    store.add('/b/trace.out', 5);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([{ path: '/b/trace.out', name: 'trace.out', lastOpenedAtMs: 5 }]);
  });

  it('some entries unreadable: the readable ones stay, the original is kept aside', () => {
    const dir = fresh();
    const file = join(dir, 'recent.json');
    const good = { path: '/a/trace.out', name: 'trace.out', lastOpenedAtMs: 1 };
    writeFileSync(file, JSON.stringify([good, { path: 3 }]));
    const warnings: string[] = [];
    expect(jsonRecentStore(file, (m) => warnings.push(m)).list()).toEqual([good]);
    expect(warnings[0]).toContain('1 of 2 entries unreadable');
    expect(existsSync(`${file}.bak`)).toBe(true);
  });

  it('missing: empty, no warning, no .bak', () => {
    const dir = fresh();
    const warnings: string[] = [];
    expect(jsonRecentStore(join(dir, 'recent.json'), (m) => warnings.push(m)).list()).toEqual([]);
    expect(warnings).toEqual([]);
    expect(existsSync(join(dir, 'recent.json.bak'))).toBe(false);
  });
});

describe('editor.json', () => {
  it('invalid settings: defaults, kept as editor.json.bak, said so', () => {
    const dir = fresh();
    const file = join(dir, 'editor.json');
    writeFileSync(file, JSON.stringify({ editor: 'notepad', remaps: [] }));
    const warnings: string[] = [];
    const store = jsonEditorStore(file, (m) => warnings.push(m));
    expect(store.get()).toEqual(DEFAULT_EDITOR_SETTINGS);
    expect(JSON.parse(readFileSync(`${file}.bak`, 'utf8'))).toEqual({ editor: 'notepad', remaps: [] });
    expect(warnings[0]).toMatch(/editor\.json was damaged \(editor must be one of vscode, goland, env\)/);
    store.set({ editor: 'goland', remaps: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ editor: 'goland', remaps: [] });
  });
});
