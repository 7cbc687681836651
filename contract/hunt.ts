// The leak hunt (suspects panel, evidence, export, ignore rules) over the bridge. Types only.
// Analysis results cross typed: AnalysisResult lives in the types-only model layer
// (parsers/model/analysis-result.ts), which contract/ may import.
import type { DocumentId } from './bridge';

/** Report formats, as `leakline report --format` names them. */
export type HuntReportFormat = 'json' | 'md' | 'html' | 'sarif';
export const HUNT_REPORT_FORMATS: readonly HuntReportFormat[] = ['json', 'md', 'html', 'sarif'];

/** goleak-style ignore rules, as `.leakline.json` "ignore" holds them. */
export interface HuntIgnoreRules {
  topFunction: string[];
  anyFunction: string[];
  createdBy: string[];
}

export interface EvidenceFile {
  /** Absolute path on the Node side (an uploaded copy in browser mode). */
  path: string;
  /** Name shown and used in reports (no directories). */
  name: string;
}

/** What a document's leak hunt is made of; every hunt verb returns the new state. */
export interface HuntState {
  documentId: DocumentId;
  /** Files analysed together with the document (goroutine profiles, dumps, goroutineleak). */
  evidence: EvidenceFile[];
  /**
   * Folder whose `.leakline.json` holds the ignore rules: the opened file's folder, or one the
   * user picked; null for a browser-mode upload until the user names one (its copy lives in a
   * temporary folder the CLI never sees).
   */
  projectFolder: string | null;
  /** Rules read from (and written to) `<projectFolder>/.leakline.json`. */
  rules: HuntIgnoreRules;
  /** `.leakline.json` exists but is not the documented schema: shown, and never overwritten. */
  configError?: string;
}

export interface ExportRequest {
  documentId: DocumentId;
  format: HuntReportFormat;
}
