import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../../contract';

export interface MenuActions {
  open(): void;
  /** File › Compare…: pick two or more snapshots and open the compare view. */
  compare(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  closeDocument(): void;
  /** File › Export Leak Report…: the renderer shows its export dialog for the active tab. */
  exportReport(): void;
  about(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  appName: string;
  recent: RecentFile[];
  actions: MenuActions;
  /** Dev tools only in development builds. */
  dev: boolean;
}

/** The application menu as a plain template (pure; Menu.buildFromTemplate happens in index.ts). */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { actions } = input;
  const mac = input.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    input.recent.length === 0
      ? [{ label: 'No Recent Files', enabled: false }]
      : input.recent.map((r) => ({ label: r.name, sublabel: r.path, click: () => actions.openRecent(r.path) }));

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Compare…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.compare() },
      {
        label: 'Open Recent',
        submenu: [...recentItems, { type: 'separator' }, { label: 'Clear Recent', enabled: input.recent.length > 0, click: () => actions.clearRecent() }],
      },
      { type: 'separator' },
      { label: 'Export Leak Report…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportReport() },
      { type: 'separator' },
      { label: 'Close', accelerator: 'CmdOrCtrl+W', click: () => actions.closeDocument() },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(input.dev ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const about: MenuItemConstructorOptions = { label: `About ${input.appName}`, click: () => actions.about() };
  const help: MenuItemConstructorOptions = { role: 'help', submenu: [about] };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [{ label: input.appName, submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
    : [];
  return [...appMenu, file, { role: 'editMenu' }, view, { role: 'windowMenu' }, help];
}
