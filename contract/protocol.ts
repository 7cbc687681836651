// Wire shapes shared by the two transports of the bridge: Electron IPC channel names and the
// browser-mode WebSocket frames. Types and string constants only.
import type { AnalysisResult, FlameTree, MatchMode, Profile } from '../parsers/model';
import type { AppInfo, BridgeError, DocumentComparison, DocumentId, DocumentInfo, EditorSettings, EditorTarget, MenuCommand, ProgressEvent, RecentFile } from './bridge';
import type { EngineStatus } from './engine';
import type { ExportRequest, HuntIgnoreRules, HuntState } from './hunt';

/** Request verbs the Node side answers; each maps 1:1 to a LeaklineBridge method. */
export interface BridgeRequests {
  getVersion: { args: []; result: AppInfo };
  /** Electron only: the native dialog lives in main. Browser mode uploads instead. */
  openFile: { args: []; result: DocumentInfo | null };
  openPath: { args: [path: string]; result: DocumentInfo };
  closeDocument: { args: [id: DocumentId]; result: void };
  listDocuments: { args: []; result: DocumentInfo[] };
  listRecent: { args: []; result: RecentFile[] };
  /** How many engines (parsing workers) are alive; the footer and the e2e tests read it. */
  engineStatus: { args: []; result: EngineStatus };
  loadProfile: { args: [id: DocumentId]; result: Profile };
  compareDocuments: { args: [ids: DocumentId[], mode: MatchMode, autoOrder: boolean]; result: DocumentComparison };
  flameDocuments: { args: [ids: DocumentId[], sampleIndex: number | null]; result: FlameTree };
  openInEditor: { args: [target: EditorTarget]; result: void };
  getEditorSettings: { args: []; result: EditorSettings };
  setEditorSettings: { args: [settings: EditorSettings]; result: EditorSettings };
  // ---- the leak hunt (contract/hunt.ts) ----
  huntState: { args: [id: DocumentId]; result: HuntState };
  /** The fused analysis of the document and its evidence under the project's rules (an AnalysisResult). */
  analyzeDocument: { args: [id: DocumentId]; result: AnalysisResult };
  /** Attaches a file by absolute path (Electron drops; browser-mode evidence arrives by upload). */
  addEvidence: { args: [id: DocumentId, path: string]; result: HuntState };
  /** Electron only: native dialog, several files. */
  pickEvidence: { args: [id: DocumentId]; result: HuntState };
  removeEvidence: { args: [id: DocumentId, path: string]; result: HuntState };
  setProjectFolder: { args: [id: DocumentId, folder: string]; result: HuntState };
  /** Electron only: native folder dialog for the project folder (browser mode types the path). */
  pickProjectFolder: { args: [id: DocumentId]; result: HuntState };
  /** Writes `<projectFolder>/.leakline.json` (keeping its other keys). */
  setIgnoreRules: { args: [id: DocumentId, rules: HuntIgnoreRules]; result: HuntState };
  /** The report text, written by the same writers as `leakline report`. */
  exportReport: { args: [request: ExportRequest]; result: string };
  /** Electron only: save dialog, then writes the report; the chosen path, or null when cancelled. */
  saveReport: { args: [request: ExportRequest]; result: string | null };
}
export type BridgeVerb = keyof BridgeRequests;

/** Events the Node side pushes. */
export interface BridgeEvents {
  progress: ProgressEvent;
  documentOpened: DocumentInfo;
  documentClosed: DocumentId;
  compareRequested: DocumentId[];
  menuCommand: MenuCommand;
}
export type BridgeEventName = keyof BridgeEvents;

/** Electron IPC channel of a verb or event: one namespaced channel each, never a generic one. */
export const IPC_PREFIX = 'leakline:';
/**
 * Electron: the preload tells main the path of a file the user dropped or picked in the page
 * (webUtils.getPathForFile), which may then be opened (main/app/path-grants.ts).
 */
export const DROPPED_PATH_CHANNEL = 'leakline:droppedPath';
export type IpcChannel<K extends string> = `leakline:${K}`;

// ---- browser mode (WebSocket at /bridge) ----

export interface WsRequest<V extends BridgeVerb = BridgeVerb> {
  kind: 'request';
  /** Caller-chosen, echoed in the response. */
  seq: number;
  verb: V;
  args: BridgeRequests[V]['args'];
}

export type WsResponse =
  | { kind: 'response'; seq: number; ok: true; result: unknown }
  | { kind: 'response'; seq: number; ok: false; error: BridgeError };

export interface WsEvent<E extends BridgeEventName = BridgeEventName> {
  kind: 'event';
  event: E;
  data: BridgeEvents[E];
}

export type WsServerFrame = WsResponse | WsEvent;

/** Path of the WebSocket endpoint and of the upload endpoint on the serve origin. */
export const WS_PATH = '/bridge';
export const UPLOAD_PATH = '/upload';
/**
 * Header every upload must carry. A cross-origin page cannot add it without a CORS preflight,
 * which the server never grants; the Origin check is the primary guard, this is the second.
 */
export const UPLOAD_HEADER = 'x-leakline-upload';
