// Electron main: a thin broker. Windows, menu, dialogs and validated IPC; the Node-side work
// lives in main/service (shared with `leakline serve`).
import { app, BrowserWindow, dialog, ipcMain, Menu, MessageChannelMain, nativeTheme, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngineRegistry, findEngineWorker } from './engine/hosting';
import { registerStreamHandler } from './app/stream-ipc';
import { BridgeService } from './service/bridge-service';
import { contentSecurityPolicy } from './service/csp';
import { jsonEditorStore } from './service/editor';
import { jsonRecentStore } from './service/recent-store';
import { APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app/app-protocol';
import { filesFromArgv } from './app/argv-files';
import { externalLinkOpener } from './app/external-links';
import { channelOf, registerIpcHandlers } from './app/ipc';
import { hardenSession, hardenWebContents } from './app/harden';
import { buildMenuTemplate } from './app/menu';
import { PathGrants } from './app/path-grants';
import { APP_SCHEME, chooseRenderer } from './app/renderer-location';
import { buildWindowOptions } from './app/window-options';

const here = fileURLToPath(new URL('.', import.meta.url));
const warn = (m: string) => console.warn(`[leakline] ${m}`);
// ELECTRON_RENDERER_URL only in development; otherwise app://leakline/ (app/renderer-location.ts).
const choice = chooseRenderer({ isPackaged: app.isPackaged, env: process.env });
if (choice.ignored) warn(choice.ignored);
const { dev, location: renderer } = choice;
// The app: scheme must be privileged before 'ready' (a real origin, fetch, module scripts).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

/** Settings files found damaged at start (kept as .bak): shown once the window is up. */
const notices: string[] = [];
const notice = (m: string) => {
  warn(m);
  notices.push(m);
};

let win: BrowserWindow | null = null;
const recent = jsonRecentStore(join(app.getPath('userData'), 'recent.json'), notice);
/** Paths the renderer may name: chosen in a dialog, dropped, given by argv/the OS, or recent. */
const grants = new PathGrants(() => recent.list());
// One worker_thread per open document (out/main/engine-worker.js): main only brokers messages.
const engines = createEngineRegistry(findEngineWorker([here]), warn);
const argvFiles = (argv: string[], cwd: string) => filesFromArgv(argv, { isPackaged: app.isPackaged, cwd });

const service = new BridgeService({
  appInfo: {
    name: 'Leakline',
    version: app.getVersion(),
    mode: 'electron',
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
  },
  recent,
  engines,
  editor: jsonEditorStore(join(app.getPath('userData'), 'editor.json'), notice),
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
    if (r.canceled || r.filePaths.length === 0) return null;
    grants.grantFile(r.filePaths[0]);
    return r.filePaths[0];
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
    if (r.canceled) return [];
    for (const p of r.filePaths) grants.grantFile(p);
    return r.filePaths;
  },
  pickFolder: async () => {
    const opts: Electron.OpenDialogOptions = {
      title: 'Project folder',
      message: 'The folder whose .leakline.json holds the ignore rules',
      properties: ['openDirectory', 'createDirectory'],
    };
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    if (r.canceled || r.filePaths.length === 0) return null;
    grants.grantFolder(r.filePaths[0]);
    return r.filePaths[0];
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
  for (const p of r.filePaths) {
    grants.grantFile(p);
    ids.push((await service.openPath(p)).id);
  }
  service.emit('compareRequested', ids);
  refreshMenu();
}

/** Opens a file the user named outside the page (argv, the OS, Open Recent in the menu). */
function openAndReport(path: string): void {
  grants.grantFile(path);
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
  win.once('ready-to-show', () => {
    win?.show();
    showNotices();
  });
  win.on('closed', () => {
    win = null;
  });
  void win.loadURL(renderer.url);
}

/** Damaged settings files, said once: they were kept as .bak, the app started with defaults. */
function showNotices(): void {
  if (notices.length === 0) return;
  const detail = notices.splice(0).join('\n\n');
  void dialog.showMessageBox({ type: 'warning', title: 'Leakline', message: 'Some settings could not be read and were set aside', detail });
}

/** https links leave the app only after the user agrees (app/external-links.ts). */
const openExternal = externalLinkOpener({
  warn,
  open: (url) => shell.openExternal(url),
  confirm: async (url) => {
    const opts: Electron.MessageBoxOptions = {
      type: 'question',
      buttons: ['Open in Browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Open link',
      message: 'Open this link in your browser?',
      detail: url,
    };
    const r = win ? await dialog.showMessageBox(win, opts) : await dialog.showMessageBox(opts);
    return r.response === 0;
  },
});

// Every renderer sandboxed, whatever options a future window forgets (must precede 'ready').
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch's relative paths are relative to where that launch was started.
  app.on('second-instance', (_e, argv, workingDirectory) => {
    for (const f of argvFiles(argv, workingDirectory)) openAndReport(f);
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
  app.on('web-contents-created', (_e, contents) => hardenWebContents(contents, renderer, warn, openExternal));
  app.on('will-quit', () => void engines.closeAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, dev);
    if (!dev) protocol.handle(APP_SCHEME, appProtocolHandler(join(here, '../renderer'), contentSecurityPolicy({ dev: false, form: 'header' })));
    registerIpcHandlers({ ipcMain, service, renderer, warn, grants });
    registerStreamHandler({ ipcMain, service, engines, renderer, warn, createChannel: () => new MessageChannelMain() });
    service.subscribe((event, data) => {
      win?.webContents.send(channelOf(event), data);
      // Any open (menu, renderer, drop, argv) changes Open Recent.
      if (event === 'documentOpened') refreshMenu();
    });
    refreshMenu();
    createWindow();
    for (const f of argvFiles(process.argv, process.cwd())) openAndReport(f);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
