// Small phrasing helpers shared by the rules' sentences.
import { formatCount } from '../explain';
import { shortSite, type Site } from '../frames';
import { WAIT_CLASSES } from '../facts/parked';
import type { RuleContext } from './rule';
import { partnerPhrase, type WaitClass } from '../wait-class';

/** "it", "all 12", "3 of 12". */
export function ofN(c: Pick<RuleContext, 'members' | 'total'>): string {
  const { members: k, total: n } = c;
  return k === n ? (n === 1 ? 'it' : `all ${formatCount(n)}`) : `${formatCount(k)} of ${formatCount(n)}`;
}

/** "it was" / "they were", agreeing with ofN. */
export function wasWere(c: Pick<RuleContext, 'members'>): string {
  return c.members === 1 ? 'was' : 'were';
}

export function siteText(s: Site | undefined): string {
  return s ? shortSite(s) : 'this line';
}

export function classOf(f: { waitClass: Uint8Array }, i: number): WaitClass {
  return WAIT_CLASSES[f.waitClass[i]];
}

const PARTNER = new Set<WaitClass>(['channel-send', 'channel-recv', 'select', 'sync-mutex', 'sync-rwmutex', 'sync-waitgroup', 'sync-cond', 'sync-other']);

/** A wait that another goroutine must end (not a sleep, I/O, `select {}`). */
export function isPartnerWait(f: { waitClass: Uint8Array }, i: number): boolean {
  return PARTNER.has(classOf(f, i));
}

/** "received", "unlocked it"…: what the other end of the group's wait would do. */
export function partnerVerb(c: RuleContext): string {
  return partnerPhrase(classOf(c.facts, c.rows[0] ?? 0)) ?? 'woke it';
}
