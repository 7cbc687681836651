// The built renderer over HTTP. Only regular files whose real path (links resolved) lies inside
// the served folder: a symbolic link in there (`ln -s /etc/passwd out/renderer/x`) is not a way
// out of it.
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a built renderer file (by its extension; the build names them). */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** Resolves a URL path inside `root`, or null when it escapes it (../, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(root, rel);
  return isInside(root, full) ? full : null;
}

function isInside(root: string, full: string): boolean {
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The regular file `urlPath` names, opened, when its real path is inside the real `root`; null
 * otherwise (missing, a folder, a device, or a link leading out).
 */
export async function openInside(root: string, urlPath: string): Promise<{ fh: FileHandle; size: number; file: string } | null> {
  const file = resolveInside(root, urlPath);
  if (!file) return null;
  let real: string;
  try {
    real = await realpath(file);
    if (!isInside(await realpath(root), real)) return null;
  } catch {
    return null;
  }
  // O_NOFOLLOW: the checked path is already link-free; a link swapped in since then fails here.
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
  const fh = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(() => null);
  if (!fh) return null;
  const st = await fh.stat();
  if (!st.isFile()) {
    await fh.close();
    return null;
  }
  return { fh, size: st.size, file: real };
}

export async function sendStatic(res: ServerResponse, root: string, urlPath: string, headers: Record<string, string>): Promise<void> {
  const found = await openInside(root, urlPath);
  if (!found) {
    res.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-type': contentTypeOf(found.file),
    'content-length': String(found.size),
  });
  found.fh.createReadStream().pipe(res);
}
