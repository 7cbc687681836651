// The renderer's view of bridge errors: whatever shape an error arrives in (Electron's flattened
// rejection, the WebSocket client's typed error), it becomes {code, message} and a sentence.
import { describe, expect, it } from 'vitest';
import { asBridgeError, BridgeRequestError, describeError } from '../../renderer/src/bridge/errors';
import { BridgeFault, toBridgeError } from '../../main/service/bridge-error';

describe('asBridgeError', () => {
  it('reads the code the preload put in front of the message', () => {
    // What the preload throws, and what older Electron versions make of it across contextBridge.
    const preload = new Error('not-found: /tmp/x.trace: no such file');
    const flattened = new Error("Error invoking remote method 'leakline:openPath': Error: not-found: /tmp/x.trace: no such file");
    for (const e of [preload, flattened]) expect(asBridgeError(e)).toEqual({ code: 'not-found', message: '/tmp/x.trace: no such file' });
  });

  it('keeps typed errors and maps anything else to internal', () => {
    expect(asBridgeError(new BridgeRequestError('disconnected', 'gone'))).toEqual({ code: 'disconnected', message: 'gone' });
    expect(asBridgeError(new Error('weird-code: x'))).toEqual({ code: 'internal', message: 'weird-code: x' });
    expect(asBridgeError('boom')).toEqual({ code: 'internal', message: 'boom' });
  });

  it('round-trips every error the Node side produces into a user sentence', () => {
    for (const code of ['bad-request', 'forbidden', 'not-found', 'not-a-file', 'too-large', 'limit', 'io', 'internal'] as const) {
      const wire = toBridgeError(new BridgeFault(code, 'detail'));
      const seen = asBridgeError(new Error(`${wire.code}: ${wire.message}`));
      expect(seen).toEqual({ code, message: 'detail' });
      expect(describeError(seen)).toMatch(/^[A-Z].*\.$/);
    }
    // Unexpected exceptions never leak their text to the page.
    expect(toBridgeError(new TypeError('secret /etc/shadow'))).toEqual({ code: 'internal', message: 'Internal error (see the log of the Leakline process)' });
  });
});
