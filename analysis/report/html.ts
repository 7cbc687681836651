// A self-contained HTML report: one file, inline CSS, no script, no external asset. The CSP
// `default-src 'none'` makes "no network" a property of the document, not a promise: even a
// future edit that adds a link to a font or image would be blocked by the browser.
import { shortFunction, shortSite, type Site } from '../frames';
import { countOf, evidenceLabel, formatCount, formatDuration, range } from '../phrasing';
import type { AnalysisResult, Verdict } from '../verdict';
import { byConfidence, type ToolInfo } from './json';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
const e = escapeHtml;

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1d232b;--muted:#5b6672;--line:#d8dee4;--proven:#8e1a1a;--high:#c2410c;--medium:#a16207;--low:#4b5563}
@media (prefers-color-scheme:dark){:root{--bg:#15191e;--fg:#e6e9ed;--muted:#9aa5b1;--line:#2c333b;--proven:#f87171;--high:#fb923c;--medium:#facc15;--low:#9ca3af}}
body{background:var(--bg);color:var(--fg);font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.1rem;margin:0}
.muted{color:var(--muted)}code,pre{font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:.25rem;padding:0 .4rem;font-weight:600;font-size:12px;color:var(--bg)}
.proven{background:var(--proven)}.high{background:var(--high)}.medium{background:var(--medium)}.low{background:var(--low)}
article{border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
article p.why{font-size:15px;margin:.5rem 0}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dt{color:var(--muted)}dd{margin:0}
pre{overflow:auto;padding:.5rem;border:1px solid var(--line);border-radius:.25rem}ul{margin:.25rem 0;padding-left:1.25rem}
`;

function siteHtml(s: Site | undefined): string {
  return s ? `<code>${e(s.function)}</code> <span class="muted">${e(s.file)}:${s.line}</span>` : '—';
}

function verdictHtml(v: Verdict, i: number): string {
  const stack = v.stack.map((f) => `${e(f.function)}\n    ${e(f.file)}:${f.line}`).join('\n');
  return `<article id="v${i}">
<h2><span class="badge ${v.confidence}">${v.confidence}</span> ${e(v.waitReason)}${v.blockedAt ? ` at ${e(shortSite(v.blockedAt))}` : ''}</h2>
<p class="why">${e(v.explanation)}</p>
<dl>
<dt>Goroutines</dt><dd>${formatCount(v.count)}${v.goroutineIds ? ` <span class="muted">(ids ${e(v.goroutineIds.join(', '))})</span>` : ''}</dd>
${v.test ? `<dt>Test</dt><dd><code>${e(v.test)}</code></dd>\n` : ''}<dt>Blocked at</dt><dd>${siteHtml(v.blockedAt)}</dd>
<dt>Created by</dt><dd>${siteHtml(v.createdBy)}</dd>
<dt>Start function</dt><dd><code>${e(v.startFunction)}</code></dd>
${v.blockedForNs ? `<dt>Blocked for</dt><dd>${range(v.blockedForNs.min, v.blockedForNs.max, formatDuration)}</dd>` : ''}
${v.waitMinutes ? `<dt>Wait minutes</dt><dd>${range(v.waitMinutes.min, v.waitMinutes.max, String)}</dd>` : ''}
<dt>Fingerprint</dt><dd><code>${e(v.fingerprint)}</code></dd>
</dl>
<ul>${v.evidence.map((x) => `<li><strong>${e(evidenceLabel(x.kind))}:</strong> ${e(x.detail)}</li>`).join('')}</ul>
<details><summary>Stack</summary><pre>${stack}</pre></details>
</article>`;
}

export function writeHtml(result: AnalysisResult, tool: ToolInfo): string {
  const c = byConfidence(result.verdicts);
  const rows = result.verdicts
    .map(
      (v, i) =>
        `<tr><td><a href="#v${i + 1}"><span class="badge ${v.confidence}">${v.confidence}</span></a></td><td class="num">${formatCount(v.count)}</td><td>${e(v.waitReason)}</td><td>${v.blockedAt ? `<code>${e(shortFunction(v.blockedAt.function))}</code> ${e(shortSite(v.blockedAt))}` : '—'}</td><td>${v.createdBy ? `<code>${e(shortFunction(v.createdBy.function))}</code> ${e(shortSite(v.createdBy))}` : '—'}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leakline report</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>Leakline report</h1>
<p class="muted">${countOf(result.goroutines, 'goroutine')} in ${result.inputs.map((i) => `<code>${e(i.file)}</code> (${e(i.format)})`).join(', ')} · proven ${c.proven} · high ${c.high} · medium ${c.medium} · low ${c.low}</p>
${result.warnings.map((w) => `<p>⚠️ ${e(w)}</p>`).join('\n')}
</header>
<main>
${result.verdicts.length === 0 ? '<p>No goroutine is parked in a way that suggests a leak.</p>' : `<table><thead><tr><th>Confidence</th><th>Goroutines</th><th>Wait</th><th>Blocked at</th><th>Created by</th></tr></thead><tbody>\n${rows}\n</tbody></table>`}
${result.verdicts.map((v, i) => verdictHtml(v, i + 1)).join('\n')}
</main>
<footer class="muted">${e(tool.name)} ${e(tool.version)}</footer>
</body>
</html>
`;
}
