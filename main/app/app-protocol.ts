// The `app://leakline/` protocol that serves the built renderer (out/renderer) to the window.
// Registered privileged (standard, secure) before the app is ready, so the page has a real
// origin, fetch and module scripts work, and the CSP travels as a response header — as it does
// in `leakline serve`. Files are served like `leakline serve` serves them: regular files whose
// real path is inside the renderer folder (main/serve/static-files.ts), nothing else.
import { contentTypeOf, openInside } from '../serve/static-files';
import { APP_HOST, APP_SCHEME } from './renderer-location';

/** protocol.registerSchemesAsPrivileged's entry (Electron's CustomScheme shape). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // Vite emits <script type="module" crossorigin>: module scripts are fetched in CORS mode.
    corsEnabled: true,
  },
} as const;

/** protocol.handle's handler for the renderer folder, every response carrying `csp`. */
export function appProtocolHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
  const answer = (status: number, text: string) => new Response(text, { status, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'method not allowed');
    const found = await openInside(rendererDir, url.pathname);
    if (!found) return answer(404, 'not found');
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await found.fh.readFile());
      return new Response(body, { status: 200, headers: { ...headers, 'content-type': contentTypeOf(found.file) } });
    } finally {
      await found.fh.close();
    }
  };
}
