// File › Compare… in the application menu: present on every platform, with its accelerator,
// and wired to the compare action (the template is pure; no Electron binary needed).
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../../main/app/menu';

function fileMenu(platform: NodeJS.Platform, calls: string[]): MenuItemConstructorOptions[] {
  const actions: MenuActions = {
    open: () => calls.push('open'),
    compare: () => calls.push('compare'),
    openRecent: () => calls.push('recent'),
    clearRecent: () => calls.push('clear'),
    closeDocument: () => calls.push('close'),
    exportReport: () => calls.push('export'),
    about: () => calls.push('about'),
  };
  const t = buildMenuTemplate({ platform, appName: 'Leakline', recent: [], actions, dev: false });
  return t.find((m) => m.label === 'File')!.submenu as MenuItemConstructorOptions[];
}

describe('File › Compare…', () => {
  for (const platform of ['darwin', 'linux', 'win32'] as const) {
    it(`${platform}: follows Open…, Cmd/Ctrl+Shift+O, calls the compare action`, () => {
      const calls: string[] = [];
      const items = fileMenu(platform, calls);
      const i = items.findIndex((m) => m.label === 'Compare…');
      expect(items[i - 1].label).toBe('Open…');
      expect(items[i].accelerator).toBe('CmdOrCtrl+Shift+O');
      (items[i].click as () => void)();
      expect(calls).toEqual(['compare']);
    });
  }
});
