// Where the Electron window loads the renderer from. Packaged builds (and unpackaged ones without
// a dev server) load the built files through the privileged `app://leakline/` protocol
// (app-protocol.ts), never `file://`: every file: URL shares one opaque origin, file pages get
// extra privileges, and a response header (the CSP) cannot be attached to them.
// ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured only in development: in a
// packaged app an environment variable must not be able to point the window — and the bridge
// trust that goes with the renderer URL — at any web page.
import type { RendererLocation } from './trust';

export const APP_SCHEME = 'app';
export const APP_HOST = 'leakline';
export const APP_RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

export interface RendererChoice {
  location: RendererLocation;
  /** The electron-vite dev server: dev tools in the menu, the dev CSP (React Refresh, HMR). */
  dev: boolean;
  /** Why a given dev URL was not used (logged). */
  ignored?: string;
}

export function chooseRenderer(input: { isPackaged: boolean; env: Record<string, string | undefined> }): RendererChoice {
  const devUrl = input.env['ELECTRON_RENDERER_URL'];
  const built: RendererChoice = { location: { url: APP_RENDERER_URL }, dev: false };
  if (!devUrl) return built;
  if (input.isPackaged) return { ...built, ignored: 'ELECTRON_RENDERER_URL is ignored in a packaged build' };
  let url: URL;
  try {
    url = new URL(devUrl);
  } catch {
    return { ...built, ignored: `ELECTRON_RENDERER_URL is not a URL: ${devUrl}` };
  }
  // The dev server runs on this machine; anything else is not a development setup.
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (!(url.protocol === 'http:' || url.protocol === 'https:') || !loopback) {
    return { ...built, ignored: `ELECTRON_RENDERER_URL must be an http(s) URL on this machine, got ${devUrl}` };
  }
  return { location: { url: url.href }, dev: true };
}
