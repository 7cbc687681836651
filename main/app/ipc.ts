// Electron IPC for the bridge: one channel per verb, each checking its sender and payload.
// Written against a minimal ipcMain shape so vitest can drive it with a fake (no Electron binary).
import type { BridgeVerb, IpcChannel, IpcEnvelope } from '../../contract';
import { IPC_PREFIX } from '../../contract';
import { BridgeFault, toBridgeError } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { BRIDGE_VERBS, validateArgs } from '../service/validate';
import { isTrustedRendererUrl, type RendererLocation } from './trust';

/** The part of Electron's IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcDeps {
  ipcMain: IpcMainLike;
  service: Pick<BridgeService, 'handle'>;
  renderer: RendererLocation;
  /** Where refused requests are reported (main's log); never shown to the renderer. */
  warn?: (message: string) => void;
}

export function channelOf<V extends string>(verb: V): IpcChannel<V> {
  return `${IPC_PREFIX}${verb}` as IpcChannel<V>;
}

/** Registers one handler per bridge verb; returns a function removing them all. */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const warn = deps.warn ?? (() => {});
  for (const verb of BRIDGE_VERBS) {
    deps.ipcMain.handle(channelOf(verb), async (event, ...args) => handleOne(deps, warn, verb, event, args));
  }
  return () => {
    for (const verb of BRIDGE_VERBS) deps.ipcMain.removeHandler(channelOf(verb));
  };
}

async function handleOne(
  deps: IpcDeps,
  warn: (m: string) => void,
  verb: BridgeVerb,
  event: InvokeEventLike,
  args: unknown[],
): Promise<IpcEnvelope<unknown>> {
  // senderFrame is null once the frame navigated away or was destroyed: refuse, as VS Code does.
  const url = event.senderFrame?.url;
  if (!isTrustedRendererUrl(url, deps.renderer)) {
    warn(`refused ${verb} from untrusted sender ${url ?? '(no frame)'}`);
    return { ok: false, error: { code: 'forbidden', message: 'Request from an untrusted page' } };
  }
  try {
    validateArgs(verb, args);
    return { ok: true, result: await deps.service.handle(verb, args) };
  } catch (err) {
    if (!(err instanceof BridgeFault)) warn(`${verb} failed: ${String(err)}`);
    return { ok: false, error: toBridgeError(err) };
  }
}
