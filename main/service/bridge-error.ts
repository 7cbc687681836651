import type { BridgeError, BridgeErrorCode } from '../../contract';
import type { ParseError } from '../../parsers/model';

/** An error meant for the renderer: its code and message cross the bridge unchanged. */
export class BridgeFault extends Error {
  override readonly name = 'BridgeFault';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Anything thrown by a handler becomes `{code, message}`; unknown errors hide their details. */
export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof BridgeFault) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Internal error (see the log of the Leakline process)' };
}

const FS_CODES: Record<string, BridgeErrorCode> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'io',
  EPERM: 'io',
  EISDIR: 'not-a-file',
};

/** Maps a Node fs error to a BridgeFault naming the path. */
export function fsFault(err: unknown, path: string): BridgeFault {
  const code = (err as { code?: string } | null)?.code ?? '';
  const mapped = FS_CODES[code] ?? 'io';
  const what = mapped === 'not-found' ? 'no such file' : mapped === 'not-a-file' ? 'not a regular file' : `cannot read (${code || 'I/O error'})`;
  return new BridgeFault(mapped, `${path}: ${what}`);
}

/** A parser's refusal as the bridge reports it: a bound it exceeds stays `too-large`. */
export function parseFault(err: ParseError, name: string): BridgeFault {
  return new BridgeFault(err.code === 'too-large' ? 'too-large' : 'unsupported', err.describe(name));
}
