// Words for trace verdicts: the evidence list and the one-sentence explanation.
import { describeGroup, formatCount, formatDuration, formatPercent } from './explain';
import { shortFunction, shortSite, type Site } from './frames';
import { isIdleLoop, type ParkedGoroutine } from './trace-signals';
import type { Evidence } from './verdict';
import { partnerPhrase, type WaitClass } from './wait-class';

export interface TraceGroupFacts {
  readonly members: readonly ParkedGoroutine[];
  readonly waitClass: WaitClass;
  readonly blockedAt?: Site;
  readonly createdBy?: Site;
  readonly durationNs: number;
  readonly growing: boolean;
  readonly siblings?: { total: number; exited: number; created: number };
  readonly zombies: number;
  readonly recycled: boolean;
  readonly source: string;
}

function ofN(k: number, n: number): string {
  return k === n ? (n === 1 ? 'it' : `all ${formatCount(n)}`) : `${formatCount(k)} of ${formatCount(n)}`;
}

export function explainTraceGroup(f: TraceGroupFacts): { explanation: string; evidence: Evidence[] } {
  const { members, source } = f;
  const n = members.length;
  const ev: Evidence[] = [];
  const dur = f.durationNs;
  const before = members.filter((p) => Number.isNaN(p.sinceNs)).length;
  const sinces = members.filter((p) => !Number.isNaN(p.sinceNs)).map((p) => p.sinceNs);
  const minSince = sinces.length ? Math.min(...sinces) : 0;
  const maxFor = dur - (before > 0 ? 0 : minSince);
  ev.push({
    kind: 'blocked-at-end',
    detail: `${ofN(n, n)} parked when the trace ended (${formatDuration(dur)} long)`,
    source,
  });
  ev.push({
    kind: 'blocked-duration',
    detail:
      before > 0
        ? `${ofN(before, n)} parked since before the trace started (reason inferred from the stack)`
        : `parked for up to ${formatDuration(maxFor)} (${formatPercent(dur > 0 ? maxFor / dur : 0)} of the trace), since ${formatDuration(minSince)} into it`,
    source,
  });
  const never = members.filter((p) => p.neverRanAgain).length;
  if (never > 0) ev.push({ kind: 'never-ran-again', detail: `${ofN(never, n)} blocked right after creation and never ran again`, source });

  const verb = partnerPhrase(f.waitClass);
  const exited = members.filter((p) => p.lastWakerExited);
  if (exited.length > 0) {
    const w = exited[0];
    ev.push({
      kind: 'partner-exited',
      detail: `the goroutine that last woke ${ofN(exited.length, n)} at this line (g${w.lastWakerId}${w.lastWakerEntry ? `, ${shortFunction(w.lastWakerEntry)}` : ''}) has exited`,
      source,
    });
  }
  const orphaned = members.filter((p) => p.partnerSite && p.partnerReturned && !p.partnerActiveAfter);
  if (orphaned.length > 0 && orphaned[0].partnerSite) {
    const ps = orphaned[0].partnerSite;
    ev.push({
      kind: 'no-partner',
      detail: `nothing ${verb ?? 'woke it'} at ${shortSite(ps)} (${shortFunction(ps.function)}) after ${ofN(orphaned.length, n)} blocked, and that function has returned`,
      source,
    });
  }
  const lastWoken = members.find((p) => p.lastWakerId >= 0);
  if (lastWoken)
    ev.push({
      kind: 'last-waker',
      detail: `last unblocked here by g${lastWoken.lastWakerId}${lastWoken.lastWakerEntry ? ` (${shortFunction(lastWoken.lastWakerEntry)})` : ''}${lastWoken.partnerSite ? ` at ${shortSite(lastWoken.partnerSite)}` : ''}`,
      source,
    });
  const lonely = members.filter((p) => p.siteWakes === 0);
  if (lonely.length > 0 && verb && f.waitClass !== 'forever')
    ev.push({
      kind: 'no-partner',
      detail: `no goroutine ever ${verb} for ${ofN(lonely.length, n)} blocked at ${f.blockedAt ? shortSite(f.blockedAt) : 'this site'} during the trace`,
      source,
    });
  if (f.zombies > 0) {
    const ticks = members.reduce((s, p) => s + p.timerSiteWakes, 0);
    ev.push({
      kind: 'timer-zombie',
      detail: `${ofN(f.zombies, n)} woken only by timers (${formatCount(ticks)} timer wake-ups) and never exit`,
      source,
    });
  }
  if (f.growing && f.siblings)
    ev.push({
      kind: 'group-growth',
      detail: `${formatCount(f.siblings.created)} goroutines of this kind created during the trace, none finished`,
      source,
    });
  const inScope = members.filter((p) => p.creatorActive);
  if (inScope.length > 0 && inScope[0].createdBy)
    ev.push({
      kind: 'creator-active',
      detail: `the function that started ${ofN(inScope.length, n)} (${shortFunction(inScope[0].createdBy.function)}) is still running in its creator: the other end may still come`,
      source,
    });
  if (f.recycled && f.siblings)
    ev.push({
      kind: 'siblings-finished',
      detail: `${formatCount(f.siblings.exited)} of ${formatCount(f.siblings.total)} goroutines started by ${shortFunction(members[0].entry)} finished during the trace: these may still be in flight`,
      source,
    });
  const woken = members.filter(isIdleLoop);
  if (woken.length > 0)
    ev.push({
      kind: 'idle-loop',
      detail: `${ofN(woken.length, n)} served work before parking (woken ${Math.max(...woken.map((p) => p.siteWakes))}× at this line by a live partner): the shape of an idle worker`,
      source,
    });

  // Sentence: who, where, since when, and the strongest "why it will never wake".
  let tail: string;
  if (f.zombies === n && f.zombies > 0) {
    const ticks = members.reduce((s, p) => s + p.timerSiteWakes, 0);
    tail = `and ${n === 1 ? 'was' : 'were'} woken only by timers (${formatCount(ticks)} times in ${formatDuration(dur)}), never exiting`;
  } else if (before === n) tail = 'since before the trace started';
  else {
    tail = `since ${formatDuration(minSince)} into the trace`;
    tail += never === n ? ' and never ran again' : ` (${formatPercent(dur > 0 ? maxFor / dur : 0)} of it)`;
  }
  // The clause states the strongest "why it will never wake" that holds for the most members.
  const candidates: [number, string | undefined][] = [
    [orphaned.length, orphaned[0]?.partnerSite && `nothing ${verb ?? 'woke it'} at ${shortSite(orphaned[0].partnerSite)} afterwards`],
    [exited.length, `the goroutine that last woke ${n === 1 ? 'it' : 'them'} has exited`],
    [verb && f.waitClass !== 'forever' ? lonely.length : 0, `no goroutine ever ${verb}`],
    [f.growing ? 1 : 0, 'the group kept growing and none finished'],
  ];
  let clause: string | undefined;
  let best = 0;
  if (!(f.zombies === n && f.zombies > 0))
    for (const [count, text] of candidates) if (text && count > best) [best, clause] = [count, text];
  return {
    explanation: describeGroup({ count: n, entryFunction: members[0].entry, createdBy: f.createdBy, waitClass: f.waitClass, blockedAt: f.blockedAt, tail, clause }),
    evidence: ev,
  };
}
