// Which URLs count as "our renderer". IPC senders and navigations are checked against this.

export interface RendererLocation {
  /** Dev: the electron-vite dev server URL (http://localhost:5173/). Prod: file:// URL of index.html. */
  url: string;
}

/**
 * True when `candidate` is the renderer page itself (any hash or query). For http(s) the origin
 * must match; for file: the exact path must match, since every file: URL shares one opaque origin.
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
  if (want.protocol === 'file:') return got.host === want.host && got.pathname === want.pathname;
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
