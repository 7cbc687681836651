// Browser mode: `leakline serve` prints its address with `?token=…`. The server answers that first
// request with an HttpOnly cookie, which carries the token from then on, so the token leaves the
// address bar before anything can keep it (history, bookmarks, screenshots, a pasted link).

/** `href` without the token parameter, or null when it has none (nothing to replace). */
export function addressWithoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has('token')) return null;
  url.searchParams.delete('token');
  return url.href;
}
