import type { BridgeError, BridgeErrorCode } from '../../../contract';

const CODES: readonly BridgeErrorCode[] = ['bad-request', 'forbidden', 'not-found', 'not-a-file', 'too-large', 'limit', 'io', 'disconnected', 'unsupported', 'internal'];
const CODE_PREFIX = new RegExp(`(?:^|\\s)(${CODES.join('|')}): (.*)$`, 's');

/** Error thrown by both bridge clients; Electron's arrives as "code: message" and is split here. */
export class BridgeRequestError extends Error implements BridgeError {
  override readonly name = 'BridgeRequestError';
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function asBridgeError(err: unknown): BridgeError {
  if (err instanceof BridgeRequestError) return { code: err.code, message: err.message };
  const text = err instanceof Error ? err.message : String(err);
  // contextBridge prefixes "Error invoking remote method …: Error: " in some Electron versions.
  const m = CODE_PREFIX.exec(text);
  if (m) return { code: m[1] as BridgeErrorCode, message: m[2] };
  return { code: 'internal', message: text };
}

/** Words for the user, per code; the technical message follows in smaller type. */
export function describeError(e: BridgeError): string {
  switch (e.code) {
    case 'not-found':
      return 'That file does not exist any more.';
    case 'not-a-file':
      return 'That is not a file Leakline can open.';
    case 'too-large':
      return 'That file is too large.';
    case 'limit':
      return 'Leakline has reached a limit: close a document and try again.';
    case 'io':
      return 'The file could not be read.';
    case 'forbidden':
      return 'The request was refused.';
    case 'disconnected':
      return 'Lost the connection to the Leakline server. Restart `leakline serve` and reload this page.';
    case 'bad-request':
      return 'Leakline could not do that.';
    case 'unsupported':
      return 'Leakline cannot read that file as a profile or trace.';
    case 'internal':
      return 'Something went wrong inside Leakline.';
  }
}
