// The leak hunt on the Node side: per document, the evidence files analysed with it and the
// project folder whose `.leakline.json` holds the ignore rules (the same file and schema
// `leakline report` reads, parsed by analysis/ignore.ts). Analysis and report text come from the
// same analyze() and writers as the CLI, with inputs named by file name, so an export equals
// `leakline report <names…>` run in the files' folder byte for byte.
import { rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { analyze } from '../../analysis/analyze';
import { NO_RULES } from '../../analysis/ignore';
import { writeReport } from '../../analysis/report';
import type { AnalysisResult } from '../../analysis/verdict';
import type { DocumentId, DocumentInfo, ExportRequest, EvidenceFile, HuntIgnoreRules, HuntState } from '../../contract';
import { version } from '../../package.json';
import { writeFileAtomic } from './atomic-write';
import { BridgeFault, fsFault } from './bridge-error';
import { HuntInputCache } from './hunt-inputs';
import { readProjectConfig, writeIgnoreRules } from './project-config';

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
  /** Electron: native multi-file open dialog for "Add evidence…". */
  pickEvidence?: () => Promise<string[]>;
  /** Electron: native save dialog; resolves null when cancelled. */
  pickSavePath?: (defaultName: string, format: ExportRequest['format']) => Promise<string | null>;
  /** Electron: native folder dialog; resolves null when cancelled. */
  pickFolder?: () => Promise<string | null>;
}

export class HuntService {
  private readonly hunts = new Map<DocumentId, Hunt>();
  private readonly inputs = new HuntInputCache();

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
    // Parsed now, so an unusable file is refused here with its reason instead of breaking every later analysis.
    await this.inputs.load(path, name);
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
    this.release();
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
    const files = [{ path: doc.path, name: doc.name }, ...h.evidence];
    const rules = config?.ignore ?? NO_RULES;
    const key = JSON.stringify([files, rules]);
    if (h.last?.key !== key) {
      const result = (async () => analyze(await Promise.all(files.map((f) => this.inputs.load(f.path, f.name))), { rules }))();
      h.last = { key, result };
      result.catch(() => {
        if (h.last?.result === result) h.last = undefined;
      });
    }
    return h.last.result;
  }

  async exportReport(req: ExportRequest): Promise<string> {
    return writeReport(req.format, await this.analyze(req.documentId), { name: 'Leakline', version });
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

  /** The document closed: forget its hunt and the parsed files only it used; delete its uploaded evidence. */
  async forget(id: DocumentId): Promise<void> {
    const uploads = this.hunts.get(id)?.uploads ?? new Set<string>();
    this.hunts.delete(id);
    this.release();
    await Promise.all([...uploads].map((p) => rm(p, { force: true })));
  }

  private release(): void {
    const used = new Set<string>();
    for (const [id, h] of this.hunts) {
      for (const e of h.evidence) used.add(e.path);
      try {
        used.add(this.opts.getDocument(id).path);
      } catch {
        // closed: nothing to keep
      }
    }
    this.inputs.retain(used);
  }
}

const EXT: Record<ExportRequest['format'], string> = { json: 'json', md: 'md', html: 'html', sarif: 'sarif' };

/** "trace.out" → "trace.leakline.sarif". */
export function reportFileName(docName: string, format: ExportRequest['format']): string {
  const stem = docName.replace(/\.(out|trace|pb\.gz|pprof|txt|gz)$/i, '') || 'leakline';
  return `${stem}.leakline.${EXT[format]}`;
}
