// main/index.ts wired against a fake `electron` module (no Electron binary here): the window gets
// the secure options, IPC handlers are registered and check senders, the session denies
// permissions and adds the CSP, navigation and window.open are locked down, events reach the page.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcEnvelope } from '../../contract';
import { BRIDGE_VERBS } from '../../main/service/validate';
import { realworldTraces, repoRoot } from '../support/corpus';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const handlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; url?: string; sent: [string, unknown][] }[] = [];
  const state = {
    appListeners,
    handlers,
    windows,
    menu: null as unknown,
    permissionHandler: null as Listener | null,
    headersHandler: null as Listener | null,
    external: [] as string[],
    userData: '',
    ready: null as Promise<void> | null,
    sandboxAll: false,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    record: { options: Record<string, unknown>; url?: string; sent: [string, unknown][] };
    webContents: { send: (c: string, d: unknown) => void };
    constructor(options: Record<string, unknown>) {
      this.record = { options, sent: [] };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
      this.webContents = { send: (c, d) => void this.record.sent.push([c, d]) };
    }
    once() {}
    on() {}
    show() {}
    focus() {}
    isMinimized() {
      return false;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  fake.ready = Promise.resolve();
  return {
    app: {
      isPackaged: false,
      getVersion: () => '0.1.0',
      getPath: () => fake.userData,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => void (fake.sandboxAll = true),
      on: (event: string, l: Listener) => void fake.appListeners.set(event, l),
      whenReady: () => fake.ready,
      quit: () => {},
    },
    BrowserWindow,
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showErrorBox: () => {}, showMessageBox: async () => ({}) },
    ipcMain: { handle: (c: string, l: Listener) => void fake.handlers.set(c, l), removeHandler: (c: string) => void fake.handlers.delete(c) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (fake.menu = m) },
    nativeTheme: { shouldUseDarkColors: true },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (fake.permissionHandler = h),
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: (h: Listener) => void (fake.headersHandler = h) },
      },
    },
    shell: { openExternal: async (u: string) => void fake.external.push(u) },
  };
});

const rendererUrl = pathToFileURL(join(repoRoot, 'renderer/index.html')).href;

beforeAll(async () => {
  fake.userData = mkdtempSync(join(tmpdir(), 'leakline-userdata-'));
  process.argv = [process.argv[0], 'electron-main'];
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../main/index');
  await fake.ready;
  await new Promise((r) => setTimeout(r, 0));
});

const invoke = (channel: string, url: string, ...args: unknown[]) =>
  fake.handlers.get(channel)?.({ senderFrame: { url } }, ...args) as Promise<IpcEnvelope<unknown>>;

describe('main/index.ts', () => {
  it('creates one window with the secure options and loads the renderer page', () => {
    expect(fake.windows).toHaveLength(1);
    const w = fake.windows[0];
    expect(w.options['webPreferences']).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((w.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(w.options['backgroundColor']).toBe('#15171c'); // nativeTheme says dark
    expect(w.url).toBe(rendererUrl);
    expect(fake.sandboxAll).toBe(true);
  });

  it('registers the bridge verbs, answering the renderer page and refusing others', async () => {
    expect([...fake.handlers.keys()]).toEqual(expect.arrayContaining(BRIDGE_VERBS.map((v) => `leakline:${v}`)));
    expect([...fake.handlers.keys()].every((c) => c.startsWith('leakline:'))).toBe(true);
    expect(await invoke('leakline:getVersion', rendererUrl)).toMatchObject({ ok: true, result: { version: '0.1.0', mode: 'electron' } });
    expect(await invoke('leakline:getVersion', 'file:///tmp/other.html')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards documentOpened to the window and remembers the file in Open Recent', async () => {
    const [t] = realworldTraces();
    const env = await invoke('leakline:openPath', rendererUrl, t.path);
    expect(env).toMatchObject({ ok: true, result: { sizeBytes: t.size } });
    expect(fake.windows[0].sent.map(([c]) => c)).toContain('leakline:documentOpened');
    const menu = fake.menu as { label?: string; submenu?: { label?: string; submenu?: { label?: string; sublabel?: string }[] }[] }[];
    const file = menu.find((m) => m.label === 'File');
    const recent = file?.submenu?.find((i) => i.label === 'Open Recent');
    expect(recent?.submenu?.[0]).toMatchObject({ label: t.file, sublabel: t.path });
  });

  it('has File (Open…, Open Recent, Close), View and Help › About menus', () => {
    const menu = fake.menu as { label?: string; role?: string; submenu?: { label?: string }[] }[];
    const labels = (m?: { submenu?: { label?: string }[] }) => (m?.submenu ?? []).map((i) => i.label).filter(Boolean);
    expect(labels(menu.find((m) => m.label === 'File'))).toEqual(expect.arrayContaining(['Open…', 'Open Recent', 'Close']));
    expect(menu.some((m) => m.label === 'View')).toBe(true);
    expect(labels(menu.find((m) => m.role === 'help'))).toEqual(['About Leakline']);
  });

  it('File › Close asks the renderer to close its active tab while documents are open', () => {
    const menu = fake.menu as { label?: string; submenu?: { label?: string; click?: () => void }[] }[];
    const close = menu.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Close');
    close?.click?.();
    expect(fake.windows[0].sent.at(-1)).toEqual(['leakline:menuCommand', 'close-document']);
  });

  it('File › Export Leak Report… asks the renderer to show its export dialog', () => {
    const menu = fake.menu as { label?: string; submenu?: { label?: string; accelerator?: string; click?: () => void }[] }[];
    const item = menu.find((m) => m.label === 'File')?.submenu?.find((i) => i.label === 'Export Leak Report…');
    expect(item?.accelerator).toBe('CmdOrCtrl+E');
    item?.click?.();
    expect(fake.windows[0].sent.at(-1)).toEqual(['leakline:menuCommand', 'export-report']);
  });

  it('denies permissions and adds the CSP header to responses', () => {
    const answers: boolean[] = [];
    fake.permissionHandler?.({}, 'media', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false]);
    let headers: Record<string, string[]> = {};
    fake.headersHandler?.({ responseHeaders: { 'X-A': ['1'] } }, (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders));
    expect(headers['X-A']).toEqual(['1']);
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self'");
  });

  it('locks navigation and window.open of every web contents', () => {
    const on = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    const contents = { on: (e: string, l: Listener) => void on.set(e, l), setWindowOpenHandler: (h: Listener) => void (openHandler = h) };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    const nav = (url: string) => {
      let prevented = false;
      on.get('will-navigate')?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav(rendererUrl + '#x')).toBe(false);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('https://go.dev/')).toBe(true);
    expect(fake.external).toEqual(['https://go.dev/']);
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: rendererUrl })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    on.get('will-attach-webview')?.({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });
});
