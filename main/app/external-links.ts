// Links the renderer follows out of the app (https only: trust.ts decideNavigation) open in the
// system browser only after the user says yes: a page that can navigate must not be able to
// launch the browser at a URL of its choosing unasked. One question at a time; attempts while
// one is shown are dropped (a page looping on navigation cannot stack dialogs).

export interface ExternalLinkDeps {
  /** Shows the question (Electron: a message box); resolves true for "Open". */
  confirm(url: string): Promise<boolean>;
  /** shell.openExternal in Electron. */
  open(url: string): Promise<void>;
  warn(message: string): void;
}

export function externalLinkOpener(deps: ExternalLinkDeps): (url: string) => Promise<void> {
  let asking = false;
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return deps.warn(`refused to open ${url}: not a URL`);
    }
    if (parsed.protocol !== 'https:') return deps.warn(`refused to open ${url}: only https links open outside`);
    if (asking) return deps.warn(`dropped a request to open ${url} while another is being asked`);
    asking = true;
    try {
      if (await deps.confirm(parsed.href)) await deps.open(parsed.href);
    } finally {
      asking = false;
    }
  };
}
