// The Node side of the bridge, shared by Electron main (over IPC) and `leakline serve` (over a
// WebSocket). No electron import: transport-specific pieces (the native file dialog) are injected.
import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type {
  AppInfo,
  DocumentComparison,
  BridgeEventName,
  BridgeEvents,
  BridgeRequests,
  BridgeVerb,
  DocumentId,
  DocumentInfo,
  EngineStatus,
  EditorSettings,
  EditorTarget,
  ExportRequest,
  HuntIgnoreRules,
  RecentFile,
  SessionReply,
  SessionRequest,
  SessionRequestKind,
} from '../../contract';
import { SessionError } from '../engine/session-core';
import { EngineRegistry } from '../engine/engine-registry';
import { inProcessEngine } from '../engine/hosting';
import type { FlameTree, MatchMode, Profile } from '../../parsers/model';
import { BridgeFault, fsFault } from './bridge-error';
import { bridgeFaultOf, HuntService } from './hunt-service';
import { memoryEditorStore, openInEditor, spawnDetached, type EditorStore, type Spawner } from './editor';
import type { RecentStore } from './recent-store';
import { validateArgs } from './validate';

export type BridgeListener = <E extends BridgeEventName>(event: E, data: BridgeEvents[E]) => void;

export interface BridgeServiceOptions {
  appInfo: AppInfo;
  recent: RecentStore;
  /** Shows a native open dialog; absent in browser mode, where the renderer uploads instead. */
  pickFile?: () => Promise<string | null>;
  now?: () => number;
  /**
   * The documents' engines (one worker per document, main/engine/hosting.ts); closing a document
   * closes its engine. Absent (tests): engines run in-process, still one session per document.
   */
  engines?: EngineRegistry;
  /** Editor choice and path remaps; in memory unless the host persists them. */
  editor?: EditorStore;
  /** Launches the editor; injected by tests. */
  spawn?: Spawner;
  env?: Record<string, string | undefined>;
  /** Electron: native multi-file dialog for "Add evidence…" (browser mode uploads instead). */
  pickEvidence?: () => Promise<string[]>;
  /** Electron: native save dialog for File › Export Leak Report… (browser mode downloads instead). */
  pickSavePath?: (defaultName: string, format: ExportRequest['format']) => Promise<string | null>;
  /** Electron: native folder dialog for the project folder (browser mode types it). */
  pickFolder?: () => Promise<string | null>;
  /**
   * Most documents open at once (each holds an engine worker and its memory); unbounded when
   * absent. `leakline serve` sets it (--max-documents).
   */
  maxDocuments?: number;
}

export class BridgeService {
  private readonly docs = new Map<DocumentId, DocumentInfo>();
  private readonly listeners = new Set<BridgeListener>();
  /** Parsed once per document: the compare view asks again on every match-mode switch. */
  private readonly profiles = new Map<DocumentId, Promise<Profile>>();
  private nextDoc = 1;
  private readonly now: () => number;
  private readonly editor: EditorStore;
  private readonly engines: EngineRegistry;
  /** Evidence, project folder and ignore rules per document; export (contract/hunt.ts). */
  readonly hunt: HuntService;

  constructor(private readonly opts: BridgeServiceOptions) {
    this.now = opts.now ?? Date.now;
    this.editor = opts.editor ?? memoryEditorStore();
    this.engines = opts.engines ?? new EngineRegistry((t) => inProcessEngine(t.path, t.name));
    this.hunt = new HuntService({ getDocument: (id) => this.getDocument(id), ask: (id, req) => this.ask(id, req), pickEvidence: opts.pickEvidence, pickSavePath: opts.pickSavePath, pickFolder: opts.pickFolder });
  }

  /** Validates `args` for `verb`, then runs it. Throws BridgeFault on bad input. */
  async handle<V extends BridgeVerb>(verb: V, args: unknown): Promise<BridgeRequests[V]['result']> {
    const valid = validateArgs(verb, args);
    return (await this.dispatch(verb, valid)) as BridgeRequests[V]['result'];
  }

  private async dispatch(verb: BridgeVerb, args: readonly unknown[]): Promise<unknown> {
    switch (verb) {
      case 'getVersion':
        return this.opts.appInfo;
      case 'openFile':
        return this.openFile();
      case 'openPath':
        return this.openPath(args[0] as string);
      case 'closeDocument':
        return this.closeDocument(args[0] as DocumentId);
      case 'listDocuments':
        return this.listDocuments();
      case 'listRecent':
        return this.listRecent();
      case 'engineStatus':
        return this.engineStatus();
      case 'loadProfile':
        return this.loadProfile(args[0] as DocumentId);
      case 'flameDocuments':
        return this.flameDocuments(args[0] as DocumentId[], args[1] as number | null);
      case 'compareDocuments':
        return this.compareDocuments(args[0] as DocumentId[], args[1] as MatchMode, args[2] as boolean);
      case 'openInEditor':
        return openInEditor(args[0] as EditorTarget, this.editor.get(), this.opts.spawn ?? spawnDetached, this.opts.env ?? process.env);
      case 'getEditorSettings':
        return this.editor.get();
      case 'setEditorSettings':
        this.editor.set(args[0] as EditorSettings);
        return this.editor.get();
      case 'huntState':
        return this.hunt.state(args[0] as DocumentId);
      case 'analyzeDocument':
        return this.hunt.analyze(args[0] as DocumentId);
      case 'addEvidence':
        return this.hunt.addEvidence(args[0] as DocumentId, args[1] as string);
      case 'pickEvidence':
        return this.hunt.pickEvidence(args[0] as DocumentId);
      case 'removeEvidence':
        return this.hunt.removeEvidence(args[0] as DocumentId, args[1] as string);
      case 'setProjectFolder':
        return this.hunt.setProjectFolder(args[0] as DocumentId, args[1] as string);
      case 'pickProjectFolder':
        return this.hunt.pickProjectFolder(args[0] as DocumentId);
      case 'setIgnoreRules':
        return this.hunt.setIgnoreRules(args[0] as DocumentId, args[1] as HuntIgnoreRules);
      case 'exportReport':
        return this.hunt.exportReport(args[0] as ExportRequest);
      case 'saveReport':
        return this.hunt.saveReport(args[0] as ExportRequest);
    }
  }

  subscribe(listener: BridgeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends BridgeEventName>(event: E, data: BridgeEvents[E]): void {
    for (const l of this.listeners) l(event, data);
  }

  async openFile(): Promise<DocumentInfo | null> {
    if (!this.opts.pickFile) throw new BridgeFault('bad-request', 'No file dialog here: upload the file instead');
    const path = await this.opts.pickFile();
    return path === null ? null : this.openPath(path);
  }

  /** Throws BridgeFault('limit') when no further document may open (checked before an upload too). */
  assertRoomForDocument(): void {
    const max = this.opts.maxDocuments;
    if (max !== undefined && this.docs.size >= max) {
      throw new BridgeFault('limit', `${this.docs.size} documents are open, the most this server allows (leakline serve --max-documents ${max}): close one to open another`);
    }
  }

  /** Opens a regular file by absolute path. `upload` names an uploaded copy (not remembered as recent). */
  async openPath(path: string, upload?: { displayName: string }): Promise<DocumentInfo> {
    this.assertRoomForDocument();
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      throw fsFault(err, path);
    }
    if (!st.isFile()) throw new BridgeFault('not-a-file', `${path}: not a regular file`);
    this.assertRoomForDocument(); // again: another open may have finished while stat() ran
    const id: DocumentId = `doc-${this.nextDoc++}`;
    const doc: DocumentInfo = {
      id,
      name: upload?.displayName ?? basename(path),
      path,
      sizeBytes: st.size,
      uploaded: !!upload,
      openedAtMs: this.now(),
    };
    this.docs.set(id, doc);
    if (!upload) this.opts.recent.add(path, doc.openedAtMs);
    this.emit('documentOpened', doc);
    return doc;
  }

  async loadProfile(id: DocumentId): Promise<Profile> {
    const doc = this.docs.get(id);
    if (!doc) throw new BridgeFault('not-found', `no open document ${id}`);
    let p = this.profiles.get(id);
    if (!p) {
      // The document's session answers from the model it keeps (a trace: its end state).
      p = this.ask(id, { kind: 'end-state' });
      this.profiles.set(id, p);
      // A failed parse is not cached: the file may be replaced and retried.
      p.catch(() => this.profiles.delete(id));
    }
    return p;
  }

  /**
   * The compare view's table: each document's end state comes from its own session (cached), the
   * alignment runs in the last document's session; main only relays.
   */
  async compareDocuments(ids: readonly DocumentId[], mode: MatchMode, autoOrder: boolean): Promise<DocumentComparison> {
    const profiles = await Promise.all(ids.map((id) => this.loadProfile(id)));
    const snapshots = ids.map((id, i) => ({ name: this.getDocument(id).name, profile: profiles[i] }));
    const { order, comparison, evidence, proven } = await this.ask(ids[ids.length - 1], { kind: 'compare', snapshots, mode, autoOrder });
    return { order: order.map((i) => ids[i]), comparison, evidence: evidence.map((i) => ids[i]), proven };
  }

  /** The compare view's flame graph, built by the last document's session from the cached end states. */
  async flameDocuments(ids: readonly DocumentId[], sampleIndex: number | null): Promise<FlameTree> {
    const profiles = await Promise.all(ids.map((id) => this.loadProfile(id)));
    return this.ask(ids[ids.length - 1], { kind: 'flame', profiles, sampleIndex });
  }

  /** Forgets the document and its engine; an uploaded copy is deleted (it exists only for this document). */
  async closeDocument(id: DocumentId): Promise<void> {
    const doc = this.docs.get(id);
    if (!doc) throw new BridgeFault('not-found', `no open document ${id}`);
    this.profiles.delete(id);
    this.docs.delete(id);
    void this.engines.close(id);
    await this.hunt.forget(id);
    if (doc.uploaded) await rm(doc.path, { force: true });
    this.emit('documentClosed', id);
  }

  /** The document's session: the engine that loaded it, or one started now without a viewer. */
  session(id: DocumentId) {
    const doc = this.getDocument(id);
    return this.engines.session({ id, path: doc.path, name: doc.name });
  }

  /**
   * One request to the document's session; its failures become the bridge's errors. An engine
   * replaced meanwhile (the page opened the document's stream after a request had started a
   * session without a viewer) answers "closed" while the document is still open: ask the new one.
   */
  async ask<K extends SessionRequestKind>(id: DocumentId, req: SessionRequest<K>): Promise<SessionReply<K>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.session(id).request(req);
      } catch (err) {
        const replaced = err instanceof SessionError && err.failure.kind === 'closed' && this.docs.has(id);
        if (!replaced || attempt >= 2) throw bridgeFaultOf(err);
      }
    }
  }

  /** The open document `id`, or a not-found fault (stream endpoints look documents up here). */
  getDocument(id: DocumentId): DocumentInfo {
    const doc = this.docs.get(id);
    if (!doc) throw new BridgeFault('not-found', `no open document ${id}`);
    return doc;
  }

  engineStatus(): EngineStatus {
    return { liveEngines: this.engines.live, openDocuments: this.docs.size };
  }

  listDocuments(): DocumentInfo[] {
    return [...this.docs.values()];
  }

  listRecent(): RecentFile[] {
    return this.opts.recent.list();
  }
}
