import type { LeaklineBridge } from '../../../contract';
import { addressWithoutToken } from './address-token';
import { BridgeRequestError, asBridgeError } from './errors';
import { openElectronStream } from './stream-ports';
import { createWsBridge } from './ws-bridge-client';

let instance: LeaklineBridge | null = null;

/** The preload's window.leakline in Electron; otherwise the WebSocket client of `leakline serve`. */
export function bridge(): LeaklineBridge {
  if (!instance) {
    const api = window.leakline;
    if (!api) {
      const clean = addressWithoutToken(window.location.href);
      if (clean) window.history.replaceState(window.history.state, '', clean);
    }
    instance = api ? { ...api, openStream: (id) => openElectronStream(api, id) } : createWsBridge(window.location);
  }
  return instance;
}

export { BridgeRequestError, asBridgeError };
