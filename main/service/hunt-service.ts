// The leak hunt on the Node side: per document, the evidence files analysed with it and the
// project folder whose `.leakline.json` holds the ignore rules (the same file and schema
// `leakline report` reads, parsed by analysis/ignore.ts). Parsing, analysis and report text happen
// in the document's session (its engine worker, main/engine/session-core.ts), never here: this
// side keeps the hunt's state and asks. Inputs are named by file name, so an export equals
// `leakline report <names…>` run in the files' folder byte for byte.
import { rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { DocumentId, DocumentInfo, ExportRequest, EvidenceFile, HuntIgnoreRules, HuntState, SessionReply, SessionRequest, SessionRequestKind } from '../../contract';
import type { AnalysisResult } from '../../parsers/model';
import { SessionError } from '../engine/session-core';
import { version } from '../../package.json';
import { writeFileAtomic } from './atomic-write';
import { BridgeFault, fsFault } from './bridge-error';
import { readProjectConfig, writeIgnoreRules } from './project-config';

const NO_RULES: HuntIgnoreRules = { topFunction: [], anyFunction: [], createdBy: [] };

export { CONFIG_FILE } from './project-config';
/** Evidence files per document: a series of snapshots plus dumps; more is a mistake, not a hunt. */
export const MAX_EVIDENCE = 64;

interface Hunt {
  evidence: EvidenceFile[];
  /** Evidence paths that are browser-mode uploads: copies only this hunt uses, deleted with it. */
  uploads?: Set<string>;
  /** undefined: the default (the document's folder, none for uploads); null: none. */
  folder?: string | null;
  last?: { key: string; result: Promise<AnalysisResult> };
  /** The rules last shown for `folder`: what the user's next edit is a change of. */
  shown?: { folder: string; rules: HuntIgnoreRules };
}

export interface HuntServiceOptions {
  getDocument(id: DocumentId): DocumentInfo;
  /** Asks the document's session (its engine); failures are the bridge's errors already. */
  ask<K extends SessionRequestKind>(id: DocumentId, req: SessionRequest<K>): Promise<SessionReply<K>>;
  /** Electron: native multi-file open dialog for "Add evidence…". */
  pickEvidence?: () => Promise<string[]>;
  /** Electron: native save dialog; resolves null when cancelled. */
  pickSavePath?: (defaultName: string, format: ExportRequest['format']) => Promise<string | null>;
  /** Electron: native folder dialog; resolves null when cancelled. */
  pickFolder?: () => Promise<string | null>;
}

export class HuntService {
  private readonly hunts = new Map<DocumentId, Hunt>();

  constructor(private readonly opts: HuntServiceOptions) {}

  private hunt(id: DocumentId): Hunt {
    this.opts.getDocument(id); // not-found for a closed document
    let h = this.hunts.get(id);
    if (!h) this.hunts.set(id, (h = { evidence: [] }));
    return h;
  }

  private folderOf(id: DocumentId, h: Hunt): string | null {
    if (h.folder !== undefined) return h.folder;
    const doc = this.opts.getDocument(id);
    return doc.uploaded ? null : dirname(doc.path);
  }

  async state(id: DocumentId): Promise<HuntState> {
    const h = this.hunt(id);
    const projectFolder = this.folderOf(id, h);
    const { config, error } = await readProjectConfig(projectFolder);
    const r = config?.ignore ?? NO_RULES;
    if (projectFolder && !error) h.shown = { folder: projectFolder, rules: { topFunction: [...r.topFunction], anyFunction: [...r.anyFunction], createdBy: [...r.createdBy] } };
    return {
      documentId: id,
      evidence: h.evidence.map((e) => ({ ...e })),
      projectFolder,
      rules: { topFunction: [...r.topFunction], anyFunction: [...r.anyFunction], createdBy: [...r.createdBy] },
      ...(error ? { configError: error } : {}),
    };
  }

  /** `uploaded`: `path` is an uploaded copy, deleted when removed from the hunt or the document closes. */
  async addEvidence(id: DocumentId, path: string, name = basename(path), uploaded = false): Promise<HuntState> {
    const h = this.hunt(id);
    const doc = this.opts.getDocument(id);
    if (path === doc.path) throw new BridgeFault('bad-request', `${name} is the document itself`);
    if (h.evidence.some((e) => e.path === path)) return this.state(id);
    if (h.evidence.length >= MAX_EVIDENCE) throw new BridgeFault('too-large', `at most ${MAX_EVIDENCE} evidence files per document`);
    // Parsed now (in the session), so an unusable file is refused here with its reason instead of
    // breaking every later analysis; a refused upload is deleted at once.
    try {
      await this.ask(id, { kind: 'check-evidence', file: { path, name } });
    } catch (err) {
      if (uploaded) await rm(path, { force: true });
      throw err;
    }
    h.evidence.push({ path, name });
    if (uploaded) (h.uploads ??= new Set()).add(path);
    h.last = undefined;
    return this.state(id);
  }

  async pickEvidence(id: DocumentId): Promise<HuntState> {
    if (!this.opts.pickEvidence) throw new BridgeFault('bad-request', 'No file dialog here: upload the evidence instead');
    this.hunt(id);
    for (const p of await this.opts.pickEvidence()) await this.addEvidence(id, p);
    return this.state(id);
  }

  async removeEvidence(id: DocumentId, path: string): Promise<HuntState> {
    const h = this.hunt(id);
    h.evidence = h.evidence.filter((e) => e.path !== path);
    h.last = undefined;
    if (h.uploads?.delete(path)) await rm(path, { force: true });
    return this.state(id);
  }

  async setProjectFolder(id: DocumentId, folder: string): Promise<HuntState> {
    const h = this.hunt(id);
    let st;
    try {
      st = await stat(folder);
    } catch (err) {
      throw fsFault(err, folder);
    }
    if (!st.isDirectory()) throw new BridgeFault('not-a-file', `${folder}: not a folder`);
    h.folder = folder;
    h.last = undefined;
    return this.state(id);
  }

  async pickProjectFolder(id: DocumentId): Promise<HuntState> {
    if (!this.opts.pickFolder) throw new BridgeFault('bad-request', 'No folder dialog here: type the folder path instead');
    this.hunt(id);
    const folder = await this.opts.pickFolder();
    return folder === null ? this.state(id) : this.setProjectFolder(id, folder);
  }

  /**
   * Writes the user's edit of the rules to `<projectFolder>/.leakline.json`, merged with the file
   * as it is now (project-config.ts), keeping `failOn` and `$schema`.
   */
  async setIgnoreRules(id: DocumentId, rules: HuntIgnoreRules): Promise<HuntState> {
    const h = this.hunt(id);
    const folder = this.folderOf(id, h);
    if (!folder) throw new BridgeFault('bad-request', 'Choose a project folder first: ignore rules are saved in its .leakline.json');
    const base = h.shown?.folder === folder ? h.shown.rules : undefined;
    const written = await writeIgnoreRules(folder, base, rules);
    h.shown = { folder, rules: written };
    h.last = undefined;
    return this.state(id);
  }

  /** The fused analysis of the document and its evidence under the project's rules. */
  async analyze(id: DocumentId): Promise<AnalysisResult> {
    const h = this.hunt(id);
    const doc = this.opts.getDocument(id);
    const { config, error } = await readProjectConfig(this.folderOf(id, h));
    if (error) throw new BridgeFault('bad-request', error);
    const rules = config?.ignore ?? NO_RULES;
    const evidence = h.evidence.map((e) => ({ ...e }));
    const key = JSON.stringify([doc.path, evidence, rules]);
    if (h.last?.key !== key) {
      const result = this.ask(id, { kind: 'analyse', evidence, rules: { topFunction: [...rules.topFunction], anyFunction: [...rules.anyFunction], createdBy: [...rules.createdBy] } });
      h.last = { key, result };
      result.catch(() => {
        if (h.last?.result === result) h.last = undefined;
      });
    }
    return h.last.result;
  }

  async exportReport(req: ExportRequest): Promise<string> {
    const id = req.documentId;
    const h = this.hunt(id);
    const { config, error } = await readProjectConfig(this.folderOf(id, h));
    if (error) throw new BridgeFault('bad-request', error);
    const r = config?.ignore ?? NO_RULES;
    const rules = { topFunction: [...r.topFunction], anyFunction: [...r.anyFunction], createdBy: [...r.createdBy] };
    return this.ask(id, { kind: 'export', evidence: h.evidence.map((e) => ({ ...e })), rules, format: req.format, tool: { name: 'Leakline', version } });
  }

  private ask<K extends SessionRequestKind>(id: DocumentId, req: SessionRequest<K>): Promise<SessionReply<K>> {
    return this.opts.ask(id, req);
  }

  async saveReport(req: ExportRequest): Promise<string | null> {
    if (!this.opts.pickSavePath) throw new BridgeFault('bad-request', 'No save dialog here: the report downloads instead');
    const text = await this.exportReport(req);
    const doc = this.opts.getDocument(req.documentId);
    const path = await this.opts.pickSavePath(reportFileName(doc.name, req.format), req.format);
    if (path === null) return null;
    try {
      await writeFileAtomic(path, text);
    } catch (err) {
      throw fsFault(err, path);
    }
    return path;
  }

  /** The document closed (its session ended with it): forget its hunt; delete its uploaded evidence. */
  async forget(id: DocumentId): Promise<void> {
    const uploads = this.hunts.get(id)?.uploads ?? new Set<string>();
    this.hunts.delete(id);
    await Promise.all([...uploads].map((p) => rm(p, { force: true })));
  }
}

/** A session's failure as the bridge reports it: a parser's refusal names the file, a bound stays too-large. */
export function bridgeFaultOf(err: unknown): unknown {
  if (!(err instanceof SessionError)) return err;
  const f = err.failure;
  switch (f.kind) {
    case 'parse':
      return new BridgeFault(f.code === 'too-large' ? 'too-large' : 'unsupported', f.message);
    case 'fs':
      return fsFault({ code: f.errno }, f.path);
    case 'closed':
      return new BridgeFault('not-found', f.message);
    case 'internal':
      return new Error(f.message);
  }
}

const EXT: Record<ExportRequest['format'], string> = { json: 'json', md: 'md', html: 'html', sarif: 'sarif' };

/** "trace.out" → "trace.leakline.sarif". */
export function reportFileName(docName: string, format: ExportRequest['format']): string {
  const stem = docName.replace(/\.(out|trace|pb\.gz|pprof|txt|gz)$/i, '') || 'leakline';
  return `${stem}.leakline.${EXT[format]}`;
}
