// `leakline diff --format md`: the comparison as a Markdown table (GitHub renders it in PR
// comments and CI summaries), suspects first, then every aligned group sorted by growth.
import type { Comparison, ComparedGroup } from './compare';
import { shortSite } from './frames';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatPct(p: number): string {
  if (!Number.isFinite(p)) return 'new';
  const r = Math.round(p);
  return `${r > 0 ? '+' : ''}${r}%`;
}

export function formatDelta(d: number): string {
  return d > 0 ? `+${d}` : String(d);
}

function stateOf(g: ComparedGroup): string {
  const all = new Set(g.states.flat());
  return [...all].join(', ');
}

function minutesOf(g: ComparedGroup): string {
  const last = [...g.waitMinutes].reverse().find((m) => m);
  if (!last) return '';
  return last.min === last.max ? `${last.max} min` : `${last.min}–${last.max} min`;
}

function rate(g: ComparedGroup): string {
  if (g.perMinute !== undefined) return `${g.perMinute.toFixed(g.perMinute >= 10 ? 0 : 1)}/min`;
  return `${g.perInterval.toFixed(g.perInterval >= 10 ? 0 : 1)}/snapshot`;
}

export function toDiffMarkdown(c: Comparison): string {
  const n = c.snapshots.length;
  const out: string[] = [];
  out.push(`# Goroutine comparison (${n} snapshots, matched by ${c.mode === 'stack' ? 'function + file:line' : 'function only'})`, '');
  out.push('| Snapshot | Goroutines | Captured |', '|---|---:|---|');
  for (const s of c.snapshots) {
    out.push(`| ${esc(s.name)} | ${s.goroutines} | ${s.timeNanos !== undefined ? new Date(s.timeNanos / 1e6).toISOString() : ''} |`);
  }
  const elapsed = c.elapsedNs !== undefined ? ` over ${(c.elapsedNs / 1e9).toFixed(1)} s` : '';
  out.push('', `Total: ${formatDelta(c.totalDelta)} goroutines (${formatPct(c.totalGrowthPct)})${elapsed}.`, '');
  if (c.suspects.length > 0) {
    out.push('## Growing in every interval (leak suspects)', '');
    for (const g of c.suspects) {
      const at = g.blockedAt ? ` at ${shortSite(g.blockedAt)}` : '';
      out.push(`- **${esc(g.function)}**${at}: ${g.counts.join(' → ')} (${rate(g)})`);
    }
    out.push('');
  }
  const countHeads = c.snapshots.map((_, i) => (n === 2 ? (i === 0 ? 'A' : 'B') : `#${i + 1}`));
  out.push('## Groups', '');
  out.push(`| Status | ${countHeads.join(' | ')} | Δ | Growth | State | Wait | Function | Blocked at |`);
  out.push(`|---|${countHeads.map(() => '---:').join('|')}|---:|---:|---|---|---|---|`);
  for (const g of c.groups) {
    const flag = c.suspects.includes(g) ? ' ⚠' : '';
    const fn = g.profileWriter ? `${g.function} (profile writer)` : g.function;
    out.push(
      `| ${g.status}${flag} | ${g.counts.join(' | ')} | ${formatDelta(g.delta)} | ${formatPct(g.growthPct)} | ${esc(stateOf(g))} | ${minutesOf(g)} | ${esc(fn)} | ${g.blockedAt ? esc(`${g.blockedAt.function} ${shortSite(g.blockedAt)}`) : ''} |`,
    );
  }
  return out.join('\n') + '\n';
}
