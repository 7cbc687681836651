// Electron IPC for the bridge: one channel per verb, each checking its sender and payload.
// Written against a minimal ipcMain shape so vitest can drive it with a fake (no Electron binary).
import type { BridgeVerb, IpcChannel, IpcEnvelope } from '../../contract';
import { DROPPED_PATH_CHANNEL, IPC_PREFIX } from '../../contract';
import { BridgeFault, toBridgeError } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { BRIDGE_VERBS, validateArgs, validatePath } from '../service/validate';
import { checkPathGrant, type PathGrants } from './path-grants';
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
  /** Paths the renderer may name (path-grants.ts); every path is refused without it. */
  grants: PathGrants;
}

export function channelOf<V extends string>(verb: V): IpcChannel<V> {
  return `${IPC_PREFIX}${verb}` as IpcChannel<V>;
}

/**
 * Registers one handler per bridge verb, and the preload's channel for dropped files' paths;
 * returns a function removing them all.
 */
export function registerIpcHandlers(deps: IpcDeps): () => void {
  const warn = deps.warn ?? (() => {});
  for (const verb of BRIDGE_VERBS) {
    deps.ipcMain.handle(channelOf(verb), async (event, ...args) => handleOne(deps, warn, verb, event, args));
  }
  // Only the preload sends on this channel, with the path webUtils.getPathForFile gave for a File
  // the user dropped or picked: the page itself cannot reach ipcRenderer (contextIsolation).
  deps.ipcMain.handle(DROPPED_PATH_CHANNEL, async (event, ...args): Promise<IpcEnvelope<null>> => {
    const url = event.senderFrame?.url;
    if (!isTrustedRendererUrl(url, deps.renderer)) {
      warn(`refused a dropped path from untrusted sender ${url ?? '(no frame)'}`);
      return { ok: false, error: { code: 'forbidden', message: 'Request from an untrusted page' } };
    }
    try {
      if (args.length !== 1) throw new BridgeFault('bad-request', 'one dropped path at a time');
      deps.grants.grantFile(validatePath(args[0]));
      return { ok: true, result: null };
    } catch (err) {
      return { ok: false, error: toBridgeError(err) };
    }
  });
  return () => {
    for (const verb of BRIDGE_VERBS) deps.ipcMain.removeHandler(channelOf(verb));
    deps.ipcMain.removeHandler(DROPPED_PATH_CHANNEL);
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
    const refused = checkPathGrant(deps.grants, verb, args);
    if (refused) {
      warn(`refused ${refused}`);
      return { ok: false, error: { code: 'forbidden', message: 'Leakline opens only files chosen in Open…, dropped on the window, named on the command line or in Open Recent' } };
    }
    return { ok: true, result: await deps.service.handle(verb, args) };
  } catch (err) {
    if (!(err instanceof BridgeFault)) warn(`${verb} failed: ${String(err)}`);
    return { ok: false, error: toBridgeError(err) };
  }
}
