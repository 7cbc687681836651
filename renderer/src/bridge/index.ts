import type { LeaklineBridge } from '../../../contract';
import { BridgeRequestError, asBridgeError } from './errors';
import { createWsBridge } from './ws-bridge-client';

let instance: LeaklineBridge | null = null;

/** The preload's window.leakline in Electron; otherwise the WebSocket client of `leakline serve`. */
export function bridge(): LeaklineBridge {
  if (!instance) instance = window.leakline ?? createWsBridge(window.location);
  return instance;
}

export { BridgeRequestError, asBridgeError };
