// Electron main: a thin broker. Windows, menu, dialogs and validated IPC; the Node-side work
// lives in main/service (shared with `leakline serve`).
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, nativeTheme, session } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngineRegistry, findEngineWorker } from './engine/hosting';
import { registerStreamHandler } from './app/stream-ipc';
import { BridgeService } from './service/bridge-service';
import { jsonEditorStore } from './service/editor';
import { jsonRecentStore } from './service/recent-store';
import { channelOf, registerIpcHandlers } from './app/ipc';
import { hardenSession, hardenWebContents } from './app/harden';
import { buildMenuTemplate } from './app/menu';
import type { RendererLocation } from './app/trust';
import { buildWindowOptions } from './app/window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const devUrl = process.env['ELECTRON_RENDERER_URL'];
const dev = !app.isPackaged && !!devUrl;
const renderer: RendererLocation = { url: devUrl ?? pathToFileURL(join(here, '../renderer/index.html')).href };
const warn = (m: string) => console.warn(`[leakline] ${m}`);

/** Files named on the command line (and by OS file associations on Linux/Windows). */
function filesFromArgv(argv: string[]): string[] {
  const args = argv.slice(app.isPackaged ? 1 : 2).filter((a) => !a.startsWith('-'));
  return args.map((a) => resolve(a)).filter((p) => existsSync(p) && statSync(p).isFile());
}

let win: BrowserWindow | null = null;
const recent = jsonRecentStore(join(app.getPath('userData'), 'recent.json'));
// One worker_thread per open document (out/main/engine-worker.js): main only brokers messages.
const engines = createEngineRegistry(findEngineWorker([here]), warn);

const service = new BridgeService({
  appInfo: {
    name: 'Leakline',
    version: app.getVersion(),
    mode: 'electron',
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
  },
  recent,
  engines,
  editor: jsonEditorStore(join(app.getPath('userData'), 'editor.json')),
  pickFile: async () => {
    const opts: Electron.OpenDialogOptions = {
      title: 'Open a trace or profile',
      properties: ['openFile'],
      filters: [
        { name: 'Go traces and profiles', extensions: ['out', 'trace', 'pprof', 'pb', 'gz', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0];
  },
  pickEvidence: async () => {
    const opts: Electron.OpenDialogOptions = {
      title: 'Add evidence',
      message: 'Goroutine profiles, debug=2 dumps or goroutineleak profiles of the same process',
      properties: ['openFile', 'multiSelections'],
      filters: [
        { name: 'Go profiles and dumps', extensions: ['pprof', 'pb', 'gz', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? [] : r.filePaths;
  },
  pickSavePath: async (defaultName, format) => {
    const names = { json: 'JSON report', md: 'Markdown', html: 'HTML report', sarif: 'SARIF 2.1.0' };
    const opts: Electron.SaveDialogOptions = {
      title: 'Export leak report',
      defaultPath: defaultName,
      filters: [{ name: names[format], extensions: [format] }],
    };
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
});

/** File › Compare…: several snapshots in one dialog, opened in the order the OS returns (sorted by the view). */
async function compareFromMenu(): Promise<void> {
  const opts: Electron.OpenDialogOptions = {
    title: 'Compare goroutine snapshots',
    message: 'Choose two or more goroutine profiles (or a profile and a trace) of one process',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Go profiles and traces', extensions: ['pprof', 'pb', 'gz', 'txt', 'out', 'trace'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  if (r.canceled || r.filePaths.length === 0) return;
  const ids = [];
  for (const p of r.filePaths) ids.push((await service.openPath(p)).id);
  service.emit('compareRequested', ids);
  refreshMenu();
}

function openAndReport(path: string): void {
  service.openPath(path).catch((err: Error) => {
    dialog.showErrorBox('Cannot open file', err.message);
  });
}

function refreshMenu(): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: 'Leakline',
    recent: service.listRecent(),
    dev,
    actions: {
      open: () => void service.openFile().catch((e: Error) => dialog.showErrorBox('Cannot open file', e.message)),
      compare: () => void compareFromMenu().catch((e: Error) => dialog.showErrorBox('Cannot compare', e.message)),
      openRecent: openAndReport,
      clearRecent: () => {
        recent.clear();
        refreshMenu();
      },
      // The renderer knows which tab is active; with none open, Close closes the window.
      closeDocument: () => {
        if (service.listDocuments().length > 0) win?.webContents.send(channelOf('menuCommand'), 'close-document');
        else win?.close();
      },
      exportReport: () => {
        if (service.listDocuments().length > 0) win?.webContents.send(channelOf('menuCommand'), 'export-report');
      },
      about: () =>
        void dialog.showMessageBox({
          type: 'info',
          title: 'About Leakline',
          message: `Leakline ${app.getVersion()}`,
          detail: `Finds goroutine leaks in Go traces and profiles.\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}`,
        }),
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): void {
  win = new BrowserWindow(
    buildWindowOptions({ preloadPath: join(here, '../preload/index.cjs'), dark: nativeTheme.shouldUseDarkColors, platform: process.platform }),
  );
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(renderer.url);
}

// Every renderer sandboxed, whatever options a future window forgets (must precede 'ready').
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    for (const f of filesFromArgv(argv)) openAndReport(f);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS delivers file associations as events, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openAndReport(path);
  });
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, renderer, warn));
  app.on('will-quit', () => void engines.closeAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, dev);
    registerIpcHandlers({ ipcMain, service, renderer, warn });
    registerStreamHandler({ ipcMain, service, engines, renderer, warn, createChannel: () => new MessageChannelMain() });
    service.subscribe((event, data) => {
      win?.webContents.send(channelOf(event), data);
      // Any open (menu, renderer, drop, argv) changes Open Recent.
      if (event === 'documentOpened') refreshMenu();
    });
    refreshMenu();
    createWindow();
    for (const f of filesFromArgv(process.argv)) openAndReport(f);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
