import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy } from '../service/csp';
import { decideNavigation, type RendererLocation } from './trust';

/**
 * Navigation, new windows and webviews locked to the renderer page (Electron security checklist
 * 12–14). https links go to `openExternal` (external-links.ts: asks first).
 */
export function hardenWebContents(contents: WebContents, renderer: RendererLocation, warn: (m: string) => void, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, renderer);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') void openExternal(url);
    else warn(`blocked navigation to ${url}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (decideNavigation(url, renderer) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, renderer) === 'open-external') void openExternal(url);
    else warn(`blocked window.open of ${url}`);
    return { action: 'deny' };
  });
}

/**
 * Denies every permission (camera, notifications…) and adds the CSP header to every http(s)
 * response (the dev server); app:// responses carry it from app-protocol.ts.
 */
export function hardenSession(ses: Session, dev: boolean): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  const csp = contentSecurityPolicy({ dev, form: 'header' });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
