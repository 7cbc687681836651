// File › Export Leak Report…: the text comes from the Node side (the CLI's writers); Electron saves
// it through a native dialog, browser mode downloads it. "Copy as Markdown" uses the clipboard.
import type { DocumentInfo, HuntReportFormat } from '../../../contract';
import { bridge } from '../bridge';

export const FORMAT_LABELS: Record<HuntReportFormat, string> = {
  json: 'JSON',
  md: 'Markdown',
  html: 'HTML (self-contained)',
  sarif: 'SARIF 2.1.0 (code scanning)',
};

const MIME: Record<HuntReportFormat, string> = {
  json: 'application/json',
  md: 'text/markdown',
  html: 'text/html',
  sarif: 'application/sarif+json',
};

/** "trace.out" → "trace.leakline.sarif" (the same name main/service/hunt-service.ts proposes). */
export function reportFileName(docName: string, format: HuntReportFormat): string {
  const stem = docName.replace(/\.(out|trace|pb\.gz|pprof|txt|gz)$/i, '') || 'leakline';
  return `${stem}.leakline.${format}`;
}

/** Saves (Electron) or downloads (browser); resolves a line for the status message, or null when cancelled. */
export async function exportReport(doc: DocumentInfo, format: HuntReportFormat, mode: 'electron' | 'browser'): Promise<string | null> {
  if (mode === 'electron') {
    const path = await bridge().saveReport({ documentId: doc.id, format });
    return path === null ? null : `Saved ${path}`;
  }
  const text = await bridge().exportReport({ documentId: doc.id, format });
  const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = reportFileName(doc.name, format);
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started once click() returns; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Downloaded ${a.download}`;
}

export async function copyMarkdown(doc: DocumentInfo): Promise<string> {
  const text = await bridge().exportReport({ documentId: doc.id, format: 'md' });
  await navigator.clipboard.writeText(text);
  return `Copied the Markdown report (${text.split('\n').length} lines)`;
}
