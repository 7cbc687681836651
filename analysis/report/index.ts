// Report writers: strings in, strings out; the CLI and the app's export share them.
import type { AnalysisResult } from '../verdict';
import { writeHtml } from './html';
import { writeJson, type ToolInfo } from './json';
import { writeMarkdown } from './markdown';
import { writeSarif } from './sarif';

export type ReportFormat = 'json' | 'md' | 'html' | 'sarif';
export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'sarif'];

export function writeReport(format: ReportFormat, result: AnalysisResult, tool: ToolInfo): string {
  switch (format) {
    case 'json':
      return writeJson(result, tool);
    case 'md':
      return writeMarkdown(result, tool);
    case 'html':
      return writeHtml(result, tool);
    case 'sarif':
      return writeSarif(result, tool);
  }
}

export type { ToolInfo };
