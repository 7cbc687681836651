// main/index.ts wired against a fake `electron` module (no Electron binary here): the window gets
// the secure options and loads app://leakline/ (served by the privileged protocol with the CSP),
// IPC handlers are registered and check senders and paths, the session denies permissions and
// adds the CSP, navigation and window.open are locked down, https links open only after the user
// agreed, a second launch's relative paths resolve against its own directory, damaged settings
// are reported, events reach the page.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcEnvelope } from '../../contract';
import { BRIDGE_VERBS } from '../../main/service/validate';
import { realworldTraces } from '../support/corpus';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener>();
  const handlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; url?: string; sent: [string, unknown][]; once: Map<string, Listener> }[] = [];
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
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    messageBoxes: [] as Record<string, unknown>[],
    /** The button the fake message box answers with. */
    answer: 1,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    record: { options: Record<string, unknown>; url?: string; sent: [string, unknown][]; once: Map<string, Listener> };
    webContents: { send: (c: string, d: unknown) => void };
    constructor(options: Record<string, unknown>) {
      this.record = { options, sent: [], once: new Map() };
      fake.windows.push(this.record);
      BrowserWindow.all.push(this);
      this.webContents = { send: (c, d) => void this.record.sent.push([c, d]) };
    }
    once(event: string, l: Listener) {
      this.record.once.set(event, l);
    }
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
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showErrorBox: () => {},
      showMessageBox: async (...args: Record<string, unknown>[]) => {
        fake.messageBoxes.push(args[args.length - 1]);
        return { response: fake.answer };
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => void fake.privileged.push(...s),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => void fake.protocolHandlers.set(scheme, h),
    },
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

const rendererUrl = 'app://leakline/index.html';

beforeAll(async () => {
  fake.userData = mkdtempSync(join(tmpdir(), 'leakline-userdata-'));
  // A damaged recent-files list from an earlier run: kept aside and reported, not reset silently.
  writeFileSync(join(fake.userData, 'recent.json'), '[{"path": ');
  process.argv = [process.argv[0], 'electron-main'];
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../main/index');
  await fake.ready;
  await new Promise((r) => setTimeout(r, 0));
});

const invoke = (channel: string, url: string, ...args: unknown[]) =>
  fake.handlers.get(channel)?.({ senderFrame: { url } }, ...args) as Promise<IpcEnvelope<unknown>>;
const settle = () => new Promise((r) => setTimeout(r, 20));

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

  it('serves the renderer from the privileged app: scheme, with the CSP header, and nothing outside it', async () => {
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const handler = fake.protocolHandlers.get('app')!;
    const page = await handler(new Request(rendererUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await page.text()).toContain('<div id="root">');
    for (const url of ['app://leakline/../package.json', 'app://leakline/%2e%2e/package.json', 'app://other/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
    }
    expect((await handler(new Request(rendererUrl, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('reports the damaged recent-files list once the window shows, keeping it as .bak', async () => {
    expect(existsSync(join(fake.userData, 'recent.json.bak'))).toBe(true);
    fake.windows[0].once.get('ready-to-show')?.();
    expect(fake.messageBoxes[0]).toMatchObject({ type: 'warning', message: 'Some settings could not be read and were set aside' });
    expect(String(fake.messageBoxes[0]['detail'])).toContain('recent.json was damaged');
  });

  it('registers the bridge verbs, answering the renderer page and refusing others', async () => {
    expect([...fake.handlers.keys()]).toEqual(expect.arrayContaining(BRIDGE_VERBS.map((v) => `leakline:${v}`)));
    expect([...fake.handlers.keys()].every((c) => c.startsWith('leakline:'))).toBe(true);
    expect(await invoke('leakline:getVersion', rendererUrl)).toMatchObject({ ok: true, result: { version: '0.1.0', mode: 'electron' } });
    expect(await invoke('leakline:getVersion', 'file:///tmp/other.html')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards documentOpened to the window and remembers the file in Open Recent', async () => {
    const [t] = realworldTraces();
    // Not chosen by the user yet: refused. Dropped (the preload reports its path): opened.
    expect(await invoke('leakline:openPath', rendererUrl, t.path)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('leakline:droppedPath', rendererUrl, t.path)).toEqual({ ok: true, result: null });
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

  it('locks navigation and window.open of every web contents; https links open only when the user agrees', async () => {
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
    // An https link asks first: "Cancel" keeps it in, "Open in Browser" opens it.
    const asked = fake.messageBoxes.length;
    fake.answer = 1;
    expect(nav('https://go.dev/')).toBe(true);
    await settle();
    expect(fake.external).toEqual([]);
    fake.answer = 0;
    expect(nav('https://go.dev/doc/')).toBe(true);
    await settle();
    expect(fake.external).toEqual(['https://go.dev/doc/']);
    expect(fake.messageBoxes.slice(asked).map((m) => m['detail'])).toEqual(['https://go.dev/', 'https://go.dev/doc/']);
    fake.answer = 1;
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: rendererUrl })).toEqual({ action: 'deny' });
    let webviewPrevented = false;
    on.get('will-attach-webview')?.({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('a second launch opens its files, relative paths resolved against its own directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'leakline-second-'));
    mkdirSync(join(cwd, 'traces'));
    const [t] = realworldTraces();
    copyFileSync(t.path, join(cwd, 'traces', 'x.trace'));
    const before = fake.windows[0].sent.length;
    fake.appListeners.get('second-instance')?.({}, ['electron', 'app', '--some-switch', 'traces/x.trace'], cwd);
    await settle();
    const opened = fake.windows[0].sent.slice(before).filter(([c]) => c === 'leakline:documentOpened');
    expect(opened.map(([, d]) => (d as { path: string }).path)).toEqual([join(cwd, 'traces', 'x.trace')]);
  });
});
