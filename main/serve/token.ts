// The launch token of `leakline serve`, as Jupyter does it. Origin and Host checks stop web pages,
// but any local process (another user's included) can connect to 127.0.0.1 and send whatever
// headers it likes; the token is what makes it "the user who started the server". It travels
// once in the printed URL (`/?token=…`), then in a cookie the page's scripts cannot read
// (HttpOnly) and other sites' requests do not carry (SameSite=Strict). Every request needs it:
// the page, its assets, uploads and both WebSocket endpoints.
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PARAM = 'token';
/** Environment variable that fixes the token (benchmarks that must know the URL in advance). */
export const TOKEN_ENV = 'LEAKLINE_TOKEN';
/** 32 random bytes, 256 bits: base64url makes 43 URL- and cookie-safe characters. */
const TOKEN_BYTES = 32;
/** A token given through LEAKLINE_TOKEN: at least 128 bits' worth of base64url characters. */
const GIVEN_TOKEN_RE = /^[A-Za-z0-9_-]{22,256}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A usable LEAKLINE_TOKEN value, or an error saying what is wrong with it. */
export function checkGivenToken(value: string): string {
  if (!GIVEN_TOKEN_RE.test(value)) throw new Error(`${TOKEN_ENV} must be 22 to 256 characters of A-Z a-z 0-9 _ - (it goes into a URL and a cookie)`);
  return value;
}

/**
 * Cookies are scoped to a host, not a port (RFC 6265 §8.5): two servers on one machine would
 * overwrite each other's cookie under one name, so the port is part of it.
 */
export function tokenCookieName(port: number): string {
  return `leakline-token-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

/** The value of cookie `name` in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Constant-time comparison: response timing must not reveal how much of a guess was right. */
export function sameToken(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export type TokenVerdict = { ok: true; fromQuery: boolean } | { ok: false; reason: string };

/**
 * `token` null means `--no-token`: everything passes. Otherwise the request must carry the token
 * in `?token=` or in this server's cookie.
 */
export function checkToken(url: URL, cookieHeader: string | undefined, port: number, token: string | null): TokenVerdict {
  if (token === null) return { ok: true, fromQuery: false };
  const fromQuery = url.searchParams.get(TOKEN_PARAM);
  if (fromQuery !== null) return sameToken(fromQuery, token) ? { ok: true, fromQuery: true } : { ok: false, reason: 'wrong token in the URL' };
  const fromCookie = readCookie(cookieHeader, tokenCookieName(port));
  if (fromCookie === undefined) return { ok: false, reason: 'no token' };
  return sameToken(fromCookie, token) ? { ok: true, fromQuery: false } : { ok: false, reason: 'wrong token in the cookie' };
}
