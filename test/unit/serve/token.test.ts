// The launch token of `leakline serve` against a live server. The attacker is a local process
// (any user) that sends exactly the headers a page of the server would: right Host, right
// Origin, the upload header. Without the token it gets nothing: no page, no asset, no upload,
// neither WebSocket. With `?token=` once, the browser gets an HttpOnly SameSite=Strict cookie
// and needs nothing else.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { launchToken, NO_TOKEN_WARNING, startServe } from '../../../cli/commands/serve';
import { COMMANDS } from '../../../cli/commands';
import { checkToken, newToken, readCookie, sameToken, tokenCookieName } from '../../../main/serve/token';
import { addressWithoutToken } from '../../../renderer/src/bridge/address-token';
import { realworldTraces } from '../../support/corpus';
import { bridgeCall, httpRequest, rpc, startLive, TEST_PAGE, tokenCookieHeader, tryUpgrade, type LiveServer } from '../../support/live-serve';

let live: LiveServer;
let token: string;
let port: number;
let noCookie: Record<string, string>;

beforeAll(async () => {
  live = await startLive();
  token = live.token!;
  port = live.server.port;
  mkdirSync(join(live.rendererDir, 'assets'));
  writeFileSync(join(live.rendererDir, 'assets', 'app.js'), 'export {};\n');
  noCookie = { host: live.host, origin: `http://${live.host}` };
});
afterAll(() => live.server.close());

const get = (path: string, headers: Record<string, string>) => httpRequest(port, 'GET', path, headers);
const upload = (headers: Record<string, string>, query = '') =>
  httpRequest(port, 'POST', `/upload?name=trace.out${query}`, { ...headers, 'x-leakline-upload': '1' }, new Uint8Array([1, 2, 3]));

describe('without the token', () => {
  const forged = () => [
    ['no token', noCookie],
    ['a wrong token of the right length', { ...noCookie, ...tokenCookieHeader(port, newToken()) }],
    ['the right token under another port’s cookie', { ...noCookie, cookie: `${tokenCookieName(port + 1)}=${token}` }],
    ['a prefix of the token', { ...noCookie, ...tokenCookieHeader(port, token.slice(0, 20)) }],
  ] as const;

  it('the page and its assets answer 401 with how to get in', async () => {
    for (const [what, headers] of forged()) {
      for (const path of ['/', '/index.html', '/assets/app.js']) {
        const res = await get(path, headers);
        expect(res.status, `${what} ${path}`).toBe(401);
        expect(res.body).toContain('needs its token');
        expect(res.body).not.toContain(TEST_PAGE);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    }
    expect((await get(`/?token=${newToken()}`, noCookie)).status).toBe(401);
  });

  it('uploads are refused before a byte is stored', async () => {
    const uploadDirs = () => readdirSync(live.server.uploadDir);
    const before = uploadDirs();
    for (const [what, headers] of forged()) expect((await upload(headers)).status, what).toBe(401);
    expect(uploadDirs()).toEqual(before);
  });

  it('both WebSocket endpoints refuse the upgrade', async () => {
    const doc = await live.service.openPath(realworldTraces()[0].path);
    for (const [what, headers] of forged()) {
      expect(await tryUpgrade(port, headers, '/bridge'), what).toEqual({ status: 401 });
      expect(await tryUpgrade(port, headers, `/stream?doc=${doc.id}`), what).toEqual({ status: 401 });
    }
    expect(live.engines.live).toBe(0);
    await live.service.closeDocument(doc.id);
  });

  it('the audit’s attack fails: a local client with perfect headers cannot open a file and read its stacks', async () => {
    const { ws, status } = await tryUpgrade(port, noCookie);
    expect(ws).toBeUndefined();
    expect(status).toBe(401);
    expect(live.service.listDocuments()).toEqual([]);
    expect(live.warnings.some((w) => /refused WebSocket upgrade to \/bridge: no token/.test(w))).toBe(true);
  });
});

describe('with the token', () => {
  it('the printed URL opens the page and sets an HttpOnly, SameSite=Strict cookie for this port', async () => {
    const url = new URL(live.server.url);
    expect(url.searchParams.get('token')).toBe(token);
    const res = await get(url.pathname + url.search, noCookie);
    expect(res.status).toBe(200);
    expect(res.body).toBe(TEST_PAGE);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toBe(`${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('the cookie alone then reaches the page, assets, uploads and both sockets', async () => {
    const withCookie = { ...noCookie, ...tokenCookieHeader(port, token) };
    expect((await get('/', withCookie)).status).toBe(200);
    expect((await get('/assets/app.js', withCookie)).status).toBe(200);
    // The cookie is not re-sent on every response: only a URL token sets it.
    expect((await get('/', withCookie)).headers['set-cookie']).toBeUndefined();
    const up = await upload(withCookie);
    expect(up.status).toBe(200);
    const uploaded = (JSON.parse(up.body) as { result: { id: string; uploaded: boolean } }).result;
    expect(uploaded.uploaded).toBe(true);
    await live.service.closeDocument(uploaded.id);
    expect(await bridgeCall(live, 'getVersion', [])).toMatchObject({ ok: true });
    const t = realworldTraces()[0];
    const doc = await live.service.openPath(t.path);
    const { ws } = await tryUpgrade(port, withCookie, `/stream?doc=${doc.id}`);
    expect(ws).toBeDefined();
    ws!.close();
    await live.service.closeDocument(doc.id);
  });

  it('a ?token= on a socket URL works too (non-browser clients), and is not a stream parameter', async () => {
    const t = realworldTraces()[0];
    const doc = await live.service.openPath(t.path);
    const stream = await tryUpgrade(port, noCookie, `/stream?doc=${doc.id}&token=${token}`);
    expect(stream.ws).toBeDefined();
    stream.ws!.close();
    const bridge = await tryUpgrade(port, noCookie, `/bridge?token=${token}`);
    const listed = await rpc(bridge.ws!, 1, 'listDocuments', []);
    expect(listed.kind === 'response' && listed.ok && (listed.result as { id: string }[]).map((d) => d.id)).toEqual([doc.id]);
    bridge.ws!.close();
    await live.service.closeDocument(doc.id);
  });
});

describe('--no-token', () => {
  it('serves without a token, and the CLI says loudly what that means', async () => {
    const open = await startLive({ serve: { token: null } });
    try {
      expect(open.server.url).toBe(`http://127.0.0.1:${open.server.port}/`);
      const page = await httpRequest(open.server.port, 'GET', '/', { host: open.host });
      expect(page.status).toBe(200);
      expect(page.headers['set-cookie']).toBeUndefined();
    } finally {
      await open.server.close();
    }
    expect(launchToken(true, {})).toBeNull();
    expect(NO_TOKEN_WARNING).toMatch(/^WARNING: --no-token: any program on this machine/);
  });

  it('leakline serve --no-token prints the warning; without it, a fresh random token each launch', async () => {
    const warnings: string[] = [];
    const env = { LEAKLINE_RENDERER_DIR: live.rendererDir };
    const saved = process.env['LEAKLINE_RENDERER_DIR'];
    process.env['LEAKLINE_RENDERER_DIR'] = live.rendererDir;
    try {
      const a = await startServe(['--no-token'], (m) => warnings.push(m), env);
      await a.close();
      expect(warnings).toContain(NO_TOKEN_WARNING);
      const b = await startServe([], (m) => warnings.push(m), env);
      const c = await startServe([], (m) => warnings.push(m), env);
      await Promise.all([b.close(), c.close()]);
      const tb = new URL(b.url).searchParams.get('token')!;
      const tc = new URL(c.url).searchParams.get('token')!;
      expect(tb).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(tb).not.toBe(tc);
      expect(warnings.filter((w) => w === NO_TOKEN_WARNING)).toHaveLength(1);
    } finally {
      if (saved === undefined) delete process.env['LEAKLINE_RENDERER_DIR'];
      else process.env['LEAKLINE_RENDERER_DIR'] = saved;
    }
  });

  it('LEAKLINE_TOKEN fixes the token; a short or unsafe one is a usage error', async () => {
    const fixed = 'bench-token-0123456789abcdef';
    expect(launchToken(false, { LEAKLINE_TOKEN: fixed })).toBe(fixed);
    expect(() => launchToken(false, { LEAKLINE_TOKEN: 'short' })).toThrow(/LEAKLINE_TOKEN must be/);
    expect(() => launchToken(false, { LEAKLINE_TOKEN: 'a;b=c'.repeat(10) })).toThrow(/LEAKLINE_TOKEN must be/);
    const err: string[] = [];
    const saved = process.env['LEAKLINE_TOKEN'];
    process.env['LEAKLINE_TOKEN'] = 'short';
    try {
      const code = await runCli(['serve'], { out: () => {}, err: (t) => void err.push(t) }, COMMANDS.filter((c) => c.name === 'serve'));
      expect(code).toBe(2);
      expect(err.join('')).toContain('LEAKLINE_TOKEN must be');
    } finally {
      if (saved === undefined) delete process.env['LEAKLINE_TOKEN'];
      else process.env['LEAKLINE_TOKEN'] = saved;
    }
  });
});

describe('token helpers', () => {
  it('compares in constant time and reads only our cookie', () => {
    const t = newToken();
    expect(sameToken(t, t)).toBe(true);
    expect(sameToken(t.slice(1), t)).toBe(false);
    expect(sameToken(null, t)).toBe(false);
    expect(readCookie('a=1; leakline-token-80=xyz; b=2', 'leakline-token-80')).toBe('xyz');
    expect(readCookie('xleakline-token-80=xyz', 'leakline-token-80')).toBeUndefined();
    const url = new URL(`http://127.0.0.1:80/?token=${t}`);
    expect(checkToken(url, undefined, 80, t)).toEqual({ ok: true, fromQuery: true });
    expect(checkToken(new URL('http://127.0.0.1:80/'), `leakline-token-80=${t}`, 80, t)).toEqual({ ok: true, fromQuery: false });
    // A wrong URL token is not rescued by a right cookie: the URL is what the user opened.
    expect(checkToken(new URL('http://127.0.0.1:80/?token=x'), `leakline-token-80=${t}`, 80, t).ok).toBe(false);
    expect(checkToken(new URL('http://127.0.0.1:80/'), undefined, 80, null)).toEqual({ ok: true, fromQuery: false });
  });

  it('the page drops only the token from its address', () => {
    expect(addressWithoutToken('http://127.0.0.1:8080/?token=abc')).toBe('http://127.0.0.1:8080/');
    expect(addressWithoutToken('http://127.0.0.1:8080/?a=1&token=abc#x')).toBe('http://127.0.0.1:8080/?a=1#x');
    expect(addressWithoutToken('http://127.0.0.1:80/?a=1')).toBeNull();
  });
});
