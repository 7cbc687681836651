// The one API the renderer talks to. Electron's preload implements it over IPC; in browser mode
// (`leakline serve`) renderer/src/bridge implements it over a WebSocket. Types only: this file is
// compiled by the node-side and the web-side tsconfig alike, so it names no DOM or Node type.
import type { EngineStatus, EngineStreamPort } from './engine';
import type { AnalysisResult, Comparison, FlameTree, MatchMode, Profile } from '../parsers/model';
import type { ExportRequest, HuntIgnoreRules, HuntState } from './hunt';

/** Where the renderer runs; the UI adapts wording (e.g. "upload" vs "open") but not behaviour. */
export type BridgeMode = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  mode: BridgeMode;
  /** Electron, Chromium and Node versions in the desktop app; Node only in browser mode. */
  versions: Record<string, string>;
}

/** Opaque handle of an open document; stable for the life of the process. */
export type DocumentId = string & { readonly __brand?: 'document-id' };

/** A file the user opened. Parsing and analysis (the engine) attach to it by `id`. */
export interface DocumentInfo {
  id: DocumentId;
  /** File name shown to the user (no directories). */
  name: string;
  /** Absolute path on the machine running the Node side (the uploaded copy in browser mode). */
  path: string;
  sizeBytes: number;
  /** Browser mode: a copy uploaded to the local server (`path` is that copy, not the user's file). */
  uploaded: boolean;
  /** Wall-clock time the document was opened, ms since the Unix epoch. */
  openedAtMs: number;
}

export interface RecentFile {
  path: string;
  name: string;
  lastOpenedAtMs: number;
}

/** Progress of a long step; `bytesTotal` is -1 when unknown. */
export interface ProgressEvent {
  /** The document, or the upload token before a document exists. */
  target: string;
  phase: 'upload' | 'read' | 'parse' | 'analyse';
  bytesDone: number;
  bytesTotal: number;
}

/** Errors cross the bridge as data; the renderer maps `code` to words (renderer/src/errors). */
export type BridgeErrorCode =
  | 'bad-request' // payload failed validation
  | 'forbidden' // sender or origin not trusted
  | 'not-found' // no such file or document
  | 'not-a-file' // a directory, device or socket
  | 'too-large' // over a safety bound
  | 'limit' // a limit of this server reached (open documents, upload quota)
  | 'io' // the OS refused (permissions, EIO…)
  | 'disconnected' // browser mode: the local server went away
  | 'unsupported' // readable, but not a profile / trace this build understands
  | 'internal';

export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
}

/**
 * Structural subset of the DOM `File` the renderer hands over on drag and drop or upload, so this
 * file needs no DOM lib. A real `File` is assignable to it.
 */
export interface FileLike {
  readonly name: string;
  readonly size: number;
}

export type Unsubscribe = () => void;

/** Application-menu commands that act on renderer state (the active tab), so main forwards them. */
/** `export-report`: File › Export Leak Report… (the renderer shows its export dialog). */
export type MenuCommand = 'close-document' | 'export-report';
/** Which editor a stack frame opens in: VS Code (`code -g file:line`), GoLand (`goland --line`), or $VISUAL/$EDITOR (`+line file`). */
export type EditorKind = 'vscode' | 'goland' | 'env';

/** Rewrites a path prefix from the machine that recorded the trace to this one ("/build/src/" → "/home/me/src/"). */
export interface PathRemap {
  from: string;
  to: string;
}

export interface EditorSettings {
  editor: EditorKind;
  /** Tried in order; the longest matching `from` wins. */
  remaps: PathRemap[];
}

/** A source position from a stack frame, as the trace recorded it (before remapping). */
export interface EditorTarget {
  file: string;
  line: number;
}

/**
 * Exposed as `window.leakline` by the preload. Verbs reject with a `BridgeError`-shaped Error
 * (`{code, message}`); see renderer/src/bridge/errors.ts.
 */
export interface LeaklineBridge {
  getVersion(): Promise<AppInfo>;
  /** Shows the platform's file picker; resolves null when the user cancels. */
  openFile(): Promise<DocumentInfo | null>;
  /** Opens a file by absolute path on the Node side (command line, Open Recent). */
  openPath(path: string): Promise<DocumentInfo>;
  /** Opens a file dropped on the window (Electron: by its path; browser: uploaded). */
  openDropped(file: FileLike): Promise<DocumentInfo>;
  closeDocument(id: DocumentId): Promise<void>;
  /** Documents already open, e.g. files given on the command line before the window loaded. */
  listDocuments(): Promise<DocumentInfo[]>;
  listRecent(): Promise<RecentFile[]>;
  engineStatus(): Promise<EngineStatus>;
  /**
   * Starts the document's engine and returns its stream (Electron: a MessagePort handed over by
   * the preload; browser: a WebSocket). Opening it again restarts the load.
   */
  openStream(id: DocumentId): Promise<EngineStreamPort>;
  /** Opens `file:line` in the configured editor on the Node side's machine, after path remapping. */
  openInEditor(target: EditorTarget): Promise<void>;
  getEditorSettings(): Promise<EditorSettings>;
  setEditorSettings(settings: EditorSettings): Promise<EditorSettings>;
  onProgress(cb: (event: ProgressEvent) => void): Unsubscribe;
  /** A document was opened by something other than this renderer's own call (menu, argv). */
  onDocumentOpened(cb: (doc: DocumentInfo) => void): Unsubscribe;
  onDocumentClosed(cb: (id: DocumentId) => void): Unsubscribe;
  /**
   * The parsed profile of an open document, for the compare view and flame graphs: goroutine
   * profiles (debug=0/1/2, goroutineleak) and other pprof profiles as parsed; an execution trace
   * as its end state (the goroutines alive when it stopped, as a goroutine profile).
   */
  loadProfile(id: DocumentId): Promise<Profile>;
  /**
   * The compare view's table: the documents' snapshots ordered (by capture time when `autoOrder`)
   * and aligned by the last document's session (off the UI thread and off main's loop).
   */
  compareDocuments(ids: DocumentId[], mode: MatchMode, autoOrder: boolean): Promise<DocumentComparison>;
  /** The compare view's (differential) flame graph of these documents, in this order, built by the last one's session. */
  flameDocuments(ids: DocumentId[], sampleIndex: number | null): Promise<FlameTree>;
  /** File › Compare… opened these documents to be compared (oldest first). */
  onCompareRequested(cb: (ids: DocumentId[]) => void): Unsubscribe;
  // ---- the leak hunt (contract/hunt.ts) ----
  huntState(id: DocumentId): Promise<HuntState>;
  /** An AnalysisResult (analysis/verdict.ts) of the document with its evidence and rules. */
  analyzeDocument(id: DocumentId): Promise<AnalysisResult>;
  /** Attaches files the user dropped or picked (Electron: by path; browser: uploaded). */
  addEvidenceFiles(id: DocumentId, files: FileLike[]): Promise<HuntState>;
  /** "Add evidence…": the platform's picker (Electron: native dialog; browser: file input + upload). */
  pickEvidence(id: DocumentId): Promise<HuntState>;
  removeEvidence(id: DocumentId, path: string): Promise<HuntState>;
  setProjectFolder(id: DocumentId, folder: string): Promise<HuntState>;
  /** Electron: the native folder dialog (the only way to name a folder there). Browser: not available (type the path). */
  pickProjectFolder(id: DocumentId): Promise<HuntState>;
  setIgnoreRules(id: DocumentId, rules: HuntIgnoreRules): Promise<HuntState>;
  exportReport(request: ExportRequest): Promise<string>;
  /** Electron: save dialog + write, resolves the path (null when cancelled). Browser: not available (download instead). */
  saveReport(request: ExportRequest): Promise<string | null>;
  /** Electron's application menu; never fires in browser mode. */
  onMenuCommand(cb: (command: MenuCommand) => void): Unsubscribe;
}

/**
 * What the Electron preload exposes as `window.leakline`. A MessagePort cannot cross
 * contextBridge, so instead of `openStream` the preload has `requestStream`: main then posts the
 * port to the page with `window.postMessage({ leaklineStream: id }, …, [port])` (the pattern
 * VS Code uses) and renderer/src/bridge turns that into an EngineStreamPort.
 */
export interface PreloadApi extends Omit<LeaklineBridge, 'openStream'> {
  requestStream(id: DocumentId): Promise<void>;
}

/** `data` of the window message that carries a document's stream port in Electron. */
export interface StreamPortMessage {
  leaklineStream: DocumentId;
}

/**
 * compareDocuments' answer: the series' documents in comparison order, the comparison when there
 * is one, the goroutineleak documents kept out of the series as evidence, and the goroutines that
 * evidence proves leaked per compared group (by signature).
 */
export interface DocumentComparison {
  order: DocumentId[];
  comparison: Comparison | null;
  evidence: DocumentId[];
  proven: [signature: string, goroutines: number][];
}
