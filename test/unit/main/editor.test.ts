// The openInEditor bridge verb: what main accepts from the renderer, how recorded paths are
// remapped, which argv each editor gets, and the service end to end with a fake spawner (no
// editor is launched). The file opened is a real file of this repository.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeService } from '../../../main/service/bridge-service';
import { editorCommand, remapPath, validateEditorSettings, validateEditorTarget } from '../../../main/service/editor';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { validateArgs } from '../../../main/service/validate';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const realFile = path.join(repoRoot, 'analysis/wait-class.ts');

function service(spawned: { command: string; args: string[] }[], env: Record<string, string> = {}) {
  return new BridgeService({
    appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} },
    recent: memoryRecentStore(),
    spawn: async (command, args) => void spawned.push({ command, args }),
    env,
  });
}

describe('validateEditorTarget', () => {
  it('accepts an absolute path and a positive line', () => {
    expect(validateEditorTarget({ file: '/src/app/main.go', line: 27 })).toEqual({ file: '/src/app/main.go', line: 27 });
    expect(validateEditorTarget({ file: 'C:\\src\\main.go', line: 1 }).file).toBe('C:\\src\\main.go');
  });
  it.each([
    ['a path starting with - (it would read as an editor option)', { file: '-rf', line: 1 }],
    ['an empty path', { file: '', line: 1 }],
    ['a NUL', { file: '/a\0b', line: 1 }],
    ['a line break', { file: '/a\nb', line: 1 }],
    ['line 0', { file: '/a.go', line: 0 }],
    ['a fractional line', { file: '/a.go', line: 1.5 }],
    ['a string line', { file: '/a.go', line: '3' }],
    ['an extra field', { file: '/a.go', line: 3, command: 'rm' }],
    ['not an object', '/a.go:3'],
  ])('refuses %s', (_why, v) => {
    expect(() => validateEditorTarget(v)).toThrow(expect.objectContaining({ code: 'bad-request' }));
  });
  it('is what the openInEditor verb validates, with exactly one argument', () => {
    expect(() => validateArgs('openInEditor', [])).toThrow(/one argument/);
    expect(() => validateArgs('openInEditor', [{ file: '--help', line: 1 }])).toThrow(/must not start with -/);
    expect(validateArgs('openInEditor', [{ file: '/x.go', line: 9 }])).toEqual([{ file: '/x.go', line: 9 }]);
  });
});

describe('validateEditorSettings', () => {
  it('accepts the three editors and remaps', () => {
    for (const editor of ['vscode', 'goland', 'env']) expect(validateEditorSettings({ editor, remaps: [] }).editor).toBe(editor);
  });
  it('refuses unknown editors, free-form commands and malformed remaps', () => {
    expect(() => validateEditorSettings({ editor: 'sh -c', remaps: [] })).toThrow(/editor must be/);
    expect(() => validateEditorSettings({ editor: 'vscode', remaps: [], command: 'x' })).toThrow(/unexpected field/);
    expect(() => validateEditorSettings({ editor: 'vscode', remaps: [{ from: '', to: '/x' }] })).toThrow(/remap.from/);
    expect(() => validateEditorSettings({ editor: 'vscode', remaps: new Array(65).fill({ from: '/a', to: '/b' }) })).toThrow(/at most/);
  });
});

describe('remapPath', () => {
  const remaps = [
    { from: '/build/', to: '/Users/me/' },
    { from: '/build/src/github.com/acme/', to: '/work/acme/' },
    { from: 'C:\\Users\\ci\\go\\', to: '/Users/me/go/' },
  ];
  it('uses the longest matching prefix', () => {
    expect(remapPath('/build/src/github.com/acme/svc/main.go', remaps)).toBe('/work/acme/svc/main.go');
    expect(remapPath('/build/other/x.go', remaps)).toBe('/Users/me/other/x.go');
  });
  it('turns Windows separators into POSIX ones when mapping onto a POSIX prefix', () => {
    expect(remapPath('C:\\Users\\ci\\go\\pkg\\mod\\a.go', remaps)).toBe('/Users/me/go/pkg/mod/a.go');
  });
  it('leaves unmatched paths alone', () => {
    expect(remapPath('/usr/local/go/src/runtime/chan.go', remaps)).toBe('/usr/local/go/src/runtime/chan.go');
  });
});

describe('editorCommand', () => {
  it('builds argv without a shell for each editor', () => {
    expect(editorCommand('vscode', '/a/b.go', 12, {})).toEqual({ command: 'code', args: ['-g', '/a/b.go:12'] });
    expect(editorCommand('goland', '/a/b.go', 12, {})).toEqual({ command: 'goland', args: ['--line', '12', '/a/b.go'] });
    expect(editorCommand('env', '/a/b.go', 12, { EDITOR: 'emacsclient -n' })).toEqual({ command: 'emacsclient', args: ['-n', '+12', '/a/b.go'] });
    expect(editorCommand('env', '/a/b.go', 12, { VISUAL: 'nvim', EDITOR: 'nano' }).command).toBe('nvim');
    expect(() => editorCommand('env', '/a/b.go', 12, {})).toThrow(/EDITOR/);
  });
});

describe('BridgeService.openInEditor', () => {
  it('remaps, checks the file exists and launches the configured editor', async () => {
    const spawned: { command: string; args: string[] }[] = [];
    const s = service(spawned, { EDITOR: 'vim' });
    await s.handle('setEditorSettings', [{ editor: 'env', remaps: [{ from: '/ci/checkout/', to: repoRoot + '/' }] }]);
    await s.handle('openInEditor', [{ file: '/ci/checkout/analysis/wait-class.ts', line: 40 }]);
    expect(spawned).toEqual([{ command: 'vim', args: ['+40', realFile] }]);
    expect(await s.handle('getEditorSettings', [])).toMatchObject({ editor: 'env' });
  });
  it('refuses a file that does not exist here, suggesting a remapping, and launches nothing', async () => {
    const spawned: { command: string; args: string[] }[] = [];
    const s = service(spawned);
    await expect(s.handle('openInEditor', [{ file: '/nonexistent/leakline/main.go', line: 3 }])).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/remapping/) });
    expect(spawned).toEqual([]);
  });
  it('maps a -trimpath module path onto a checkout, and refuses it unmapped', async () => {
    const spawned: { command: string; args: string[] }[] = [];
    const s = service(spawned);
    await expect(s.handle('openInEditor', [{ file: 'leakline/analysis/wait-class.ts', line: 2 }])).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/trimpath/) });
    await s.handle('setEditorSettings', [{ editor: 'goland', remaps: [{ from: 'leakline/', to: repoRoot + '/' }] }]);
    await s.handle('openInEditor', [{ file: 'leakline/analysis/wait-class.ts', line: 2 }]);
    expect(spawned).toEqual([{ command: 'goland', args: ['--line', '2', realFile] }]);
  });

  it('refuses malformed requests before touching the disk', async () => {
    const spawned: { command: string; args: string[] }[] = [];
    const s = service(spawned);
    await expect(s.handle('openInEditor', [{ file: realFile, line: -1 }])).rejects.toMatchObject({ code: 'bad-request' });
    await expect(s.handle('setEditorSettings', [{ editor: 'bash', remaps: [] }])).rejects.toMatchObject({ code: 'bad-request' });
    expect(spawned).toEqual([]);
  });
});
