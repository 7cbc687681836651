// Which URLs count as "our renderer". IPC senders and navigations are checked against this.
import { APP_SCHEME } from './renderer-location';

export interface RendererLocation {
  /** Dev: the electron-vite dev server URL (http://localhost:5173/). Otherwise app://leakline/index.html. */
  url: string;
}

/**
 * True when `candidate` belongs to the renderer (any path, hash or query of its origin): for
 * http(s) the origin must match; for the app: scheme (a standard scheme, but one Node's URL gives
 * an opaque origin) the scheme and host. Nothing else is ever trusted — file: pages included.
 */
export function isTrustedRendererUrl(candidate: string | undefined | null, renderer: RendererLocation): boolean {
  if (!candidate) return false;
  let got: URL;
  let want: URL;
  try {
    got = new URL(candidate);
    want = new URL(renderer.url);
  } catch {
    return false;
  }
  if (got.protocol !== want.protocol) return false;
  if (want.protocol === `${APP_SCHEME}:`) return got.host === want.host && got.username === '' && got.password === '' && got.port === '';
  if (want.protocol === 'http:' || want.protocol === 'https:') return got.origin === want.origin;
  return false;
}

export type NavigationDecision = 'allow' | 'deny' | 'open-external';

/** In-window navigation is allowed only to the renderer; https links go to the system browser. */
export function decideNavigation(url: string, renderer: RendererLocation): NavigationDecision {
  if (isTrustedRendererUrl(url, renderer)) return 'allow';
  try {
    const p = new URL(url).protocol;
    if (p === 'https:') return 'open-external';
  } catch {
    // unparsable: deny
  }
  return 'deny';
}
