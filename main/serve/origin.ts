// Who may talk to `leakline serve`. The server binds 127.0.0.1 only, but any web page the user
// visits can still reach loopback: the Origin check stops cross-site requests and WebSocket
// hijacking, the Host check stops DNS rebinding (evil.example resolving to 127.0.0.1).

export interface RequestHeadersLike {
  host?: string | undefined;
  origin?: string | undefined;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/** Host header values that name this server: the loopback IP or "localhost", with our port. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * `requireOrigin`: WebSocket upgrades and state-changing requests must carry an Origin (browsers
 * always send one there); plain GETs of the page need not.
 */
export function checkOrigin(headers: RequestHeadersLike, port: number, requireOrigin: boolean): OriginVerdict {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) return { ok: false, reason: `Host ${headers.host ?? '(none)'} is not this server` };
  const origin = headers.origin;
  if (origin === undefined) return requireOrigin ? { ok: false, reason: 'missing Origin' } : { ok: true };
  if (origin.toLowerCase() !== `http://${host}`) return { ok: false, reason: `Origin ${origin} is not http://${host}` };
  return { ok: true };
}
