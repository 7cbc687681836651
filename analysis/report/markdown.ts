// Markdown for a pull-request comment: a summary line, a table a reviewer scans in seconds, then
// one section per verdict at medium or above (low ones collapsed), stacks in <details>.
import { shortFunction, shortSite, type Site } from '../frames';
import { countOf, evidenceLabel, lowConfidenceSummary, formatCount, formatDuration, range } from '../phrasing';
import { atLeast, type AnalysisResult, type Verdict } from '../verdict';
import { byConfidence, type ToolInfo } from './json';

/** Table cells: pipes would end the cell, backticks would open code spans. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}
function where(s: Site | undefined): string {
  return s ? `${code(shortFunction(s.function))} ${cell(shortSite(s))}` : '—';
}

function section(v: Verdict, i: number): string {
  const lines: string[] = [];
  lines.push(`### ${i}. ${v.confidence} — ${v.waitReason}${v.blockedAt ? ` at ${shortSite(v.blockedAt)}` : ''}`);
  lines.push('');
  lines.push(`> ${v.explanation}`);
  lines.push('');
  lines.push(`- **Goroutines:** ${formatCount(v.count)}${v.goroutineIds ? ` (ids ${v.goroutineIds.slice(0, 20).join(', ')}${v.goroutineIds.length > 20 ? ', …' : ''})` : ''}`);
  if (v.test) lines.push(`- **Test:** ${code(v.test)}`);
  if (v.blockedAt) lines.push(`- **Blocked at:** ${code(v.blockedAt.function)} ${code(`${v.blockedAt.file}:${v.blockedAt.line}`)}`);
  if (v.createdBy) lines.push(`- **Created by:** ${code(v.createdBy.function)} ${code(`${v.createdBy.file}:${v.createdBy.line}`)}`);
  if (v.blockedForNs) lines.push(`- **Blocked for:** ${range(v.blockedForNs.min, v.blockedForNs.max, formatDuration)}`);
  if (v.waitMinutes) lines.push(`- **Wait minutes:** ${range(v.waitMinutes.min, v.waitMinutes.max, String)}`);
  lines.push(`- **Fingerprint:** ${code(v.fingerprint)}`);
  lines.push('- **Evidence:**');
  for (const e of v.evidence) lines.push(`  - **${evidenceLabel(e.kind)}:** ${e.detail.replace(/\r?\n/g, ' ')}`);
  lines.push('');
  lines.push('<details><summary>Stack</summary>');
  lines.push('');
  lines.push('```');
  for (const f of v.stack) lines.push(`${f.function}\n    ${f.file}:${f.line}`);
  lines.push('```');
  lines.push('');
  lines.push('</details>');
  return lines.join('\n');
}

export function writeMarkdown(result: AnalysisResult, tool: ToolInfo): string {
  const counts = byConfidence(result.verdicts);
  const serious = result.verdicts.filter((v) => atLeast(v.confidence, 'medium'));
  const low = result.verdicts.filter((v) => !atLeast(v.confidence, 'medium'));
  const out: string[] = [];
  const parts = (['proven', 'high', 'medium', 'low'] as const).filter((c) => counts[c] > 0).map((c) => `${counts[c]} ${c}`);
  out.push(`## Leakline: ${serious.length === 0 ? 'no goroutine leaks found' : countOf(serious.length, 'goroutine leak suspect')}`);
  out.push('');
  out.push(
    `${countOf(result.goroutines, 'goroutine')} analysed in ${countOf(result.inputs.length, 'input')} (${result.inputs.map((i) => code(i.file)).join(', ')})` +
      (parts.length ? `; verdicts: ${parts.join(', ')}.` : '.'),
  );
  out.push('');
  // Warnings first: a partial input changes how everything below must be read.
  if (result.warnings.length > 0) {
    for (const w of result.warnings) out.push(`> ⚠️ ${w}`);
    out.push('');
  }
  if (serious.length > 0) {
    out.push('| # | Confidence | Goroutines | Wait | Blocked at | Created by |');
    out.push('|---|---|---:|---|---|---|');
    serious.forEach((v, i) =>
      out.push(`| ${i + 1} | **${v.confidence}** | ${formatCount(v.count)} | ${cell(v.waitReason)} | ${where(v.blockedAt)} | ${where(v.createdBy)} |`),
    );
    out.push('');
    serious.forEach((v, i) => {
      out.push(section(v, i + 1));
      out.push('');
    });
  }
  if (low.length > 0) {
    out.push(`<details><summary>${lowConfidenceSummary(low.length)}</summary>`);
    out.push('');
    for (const v of low) out.push(`- ${cell(v.explanation)}${v.test ? ` (test \`${v.test}\`)` : ''}`);
    out.push('');
    out.push('</details>');
    out.push('');
  }
  out.push(`<sub>${tool.name} ${tool.version}</sub>`);
  return out.join('\n') + '\n';
}
