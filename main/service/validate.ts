// Payload validation for every bridge verb. Both transports (Electron IPC and the serve
// WebSocket) call these before the service sees anything, so a compromised or buggy renderer
// can only send well-formed requests.
import type { BridgeRequests, BridgeVerb } from '../../contract';
import { BridgeFault } from './bridge-error';
import { validateEditorSettings, validateEditorTarget } from './editor';
import { validateExportRequest, validateIgnoreRules } from './validate-hunt';

/** Linux PATH_MAX is 4096 bytes; Windows long paths go to 32,767 UTF-16 units. */
export const MAX_PATH_CHARS = 32_767;
/** Document ids are generated here ("doc-" + counter); anything longer is not one of ours. */
const DOC_ID_RE = /^doc-[0-9]{1,12}$/;

const bad = (msg: string) => new BridgeFault('bad-request', msg);
/** Snapshots one comparison may hold (a series of captures, not a corpus). */
const MAX_COMPARED = 64;

function comparedIds(ids: unknown, verb: string): string[] {
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_COMPARED) throw bad(`${verb} needs 1 to ${MAX_COMPARED} document ids`);
  const valid = ids.map(validateDocumentId);
  if (new Set(valid).size !== valid.length) throw bad('a document appears twice');
  return valid;
}

function noArgs(args: readonly unknown[], verb: string): [] {
  if (args.length !== 0) throw bad(`${verb} takes no arguments`);
  return [];
}

export function validatePath(value: unknown): string {
  if (typeof value !== 'string') throw bad('path must be a string');
  if (value.length === 0 || value.length > MAX_PATH_CHARS) throw bad('path length out of range');
  if (value.includes('\0')) throw bad('path contains a NUL character');
  // Relative paths would resolve against whatever the process cwd is: refuse, callers know better.
  const absolute = value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
  if (!absolute) throw bad('path must be absolute');
  return value;
}

export function validateDocumentId(value: unknown): string {
  if (typeof value !== 'string' || !DOC_ID_RE.test(value)) throw bad('not a document id');
  return value;
}

function oneDoc(a: readonly unknown[], verb: string): [string] {
  if (a.length !== 1) throw bad(`${verb} takes one argument`);
  return [validateDocumentId(a[0])];
}

function docAndPath(a: readonly unknown[], verb: string): [string, string] {
  if (a.length !== 2) throw bad(`${verb} takes two arguments`);
  return [validateDocumentId(a[0]), validatePath(a[1])];
}

type Validators = { [V in BridgeVerb]: (args: readonly unknown[]) => BridgeRequests[V]['args'] };

const VALIDATORS: Validators = {
  getVersion: (a) => noArgs(a, 'getVersion'),
  openFile: (a) => noArgs(a, 'openFile'),
  listDocuments: (a) => noArgs(a, 'listDocuments'),
  listRecent: (a) => noArgs(a, 'listRecent'),
  engineStatus: (a) => noArgs(a, 'engineStatus'),
  openPath: (a) => {
    if (a.length !== 1) throw bad('openPath takes one argument');
    return [validatePath(a[0])];
  },
  closeDocument: (a) => {
    if (a.length !== 1) throw bad('closeDocument takes one argument');
    return [validateDocumentId(a[0])];
  },
  loadProfile: (a) => {
    if (a.length !== 1) throw bad('loadProfile takes one argument');
    return [validateDocumentId(a[0])];
  },
  compareDocuments: (a) => {
    if (a.length !== 3) throw bad('compareDocuments takes three arguments');
    const [ids, mode, autoOrder] = a;
    if (mode !== 'stack' && mode !== 'function') throw bad('mode must be "stack" or "function"');
    if (typeof autoOrder !== 'boolean') throw bad('autoOrder must be a boolean');
    return [comparedIds(ids, 'compareDocuments'), mode, autoOrder];
  },
  flameDocuments: (a) => {
    if (a.length !== 2) throw bad('flameDocuments takes two arguments');
    const [ids, sampleIndex] = a;
    if (sampleIndex !== null && !(Number.isSafeInteger(sampleIndex) && (sampleIndex as number) >= 0 && (sampleIndex as number) < 1024)) throw bad('sampleIndex must be null or 0..1023');
    return [comparedIds(ids, 'flameDocuments'), sampleIndex as number | null];
  },
  openInEditor: (a) => {
    if (a.length !== 1) throw bad('openInEditor takes one argument');
    return [validateEditorTarget(a[0])];
  },
  getEditorSettings: (a) => noArgs(a, 'getEditorSettings'),
  huntState: (a) => oneDoc(a, 'huntState'),
  analyzeDocument: (a) => oneDoc(a, 'analyzeDocument'),
  pickEvidence: (a) => oneDoc(a, 'pickEvidence'),
  addEvidence: (a) => docAndPath(a, 'addEvidence'),
  removeEvidence: (a) => docAndPath(a, 'removeEvidence'),
  setProjectFolder: (a) => docAndPath(a, 'setProjectFolder'),
  pickProjectFolder: (a) => oneDoc(a, 'pickProjectFolder'),
  setIgnoreRules: (a) => {
    if (a.length !== 2) throw bad('setIgnoreRules takes two arguments');
    return [validateDocumentId(a[0]), validateIgnoreRules(a[1])];
  },
  exportReport: (a) => {
    if (a.length !== 1) throw bad('exportReport takes one argument');
    return [validateExportRequest(a[0])];
  },
  saveReport: (a) => {
    if (a.length !== 1) throw bad('saveReport takes one argument');
    return [validateExportRequest(a[0])];
  },
  setEditorSettings: (a) => {
    if (a.length !== 1) throw bad('setEditorSettings takes one argument');
    return [validateEditorSettings(a[0])];
  },
};

export function isBridgeVerb(value: unknown): value is BridgeVerb {
  return typeof value === 'string' && Object.hasOwn(VALIDATORS, value);
}

/** Throws BridgeFault('bad-request') unless `args` is exactly what `verb` takes. */
export function validateArgs<V extends BridgeVerb>(verb: V, args: unknown): BridgeRequests[V]['args'] {
  if (!Array.isArray(args)) throw bad('arguments must be an array');
  return VALIDATORS[verb](args) as BridgeRequests[V]['args'];
}

export const BRIDGE_VERBS = Object.keys(VALIDATORS) as BridgeVerb[];
