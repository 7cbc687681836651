// Grammar for the rules' own sentences (analysis/rules/*.ts): "it" / "all 12" / "3 of 12" with verbs
// that agree, the partner's verb per wait, "during the trace" or "in the part that was read".
import { agree, formatCount } from './numbers';
import { shortSite, type Site } from '../frames';
import { WAIT_CLASSES } from '../facts/parked';
import type { RuleContext } from '../rules/rule';
import { partnerPhrase, partnerPhraseFor, type WaitClass } from '../wait-class';

/** "it", "all 12", "3 of 12". */
export function ofN(c: Pick<RuleContext, 'members' | 'total'>): string {
  const { members: k, total: n } = c;
  return k === n ? (n === 1 ? 'it' : `all ${formatCount(n)}`) : `${formatCount(k)} of ${formatCount(n)}`;
}

/** "was" / "were", agreeing with ofN. */
export function wasWere(c: Pick<RuleContext, 'members'>): string {
  return agree(c.members, 'was', 'were');
}

/** "is" / "are", agreeing with ofN. */
export function isAre(c: Pick<RuleContext, 'members'>): string {
  return agree(c.members, 'is', 'are');
}

/** The verb agreeing with ofN: verb(c, 'waits', 'wait'). */
export function verb(c: Pick<RuleContext, 'members'>, one: string, many: string): string {
  return agree(c.members, one, many);
}

/** "it" / "them", for the goroutines ofN named. */
export function itThem(c: Pick<RuleContext, 'members'>): string {
  return agree(c.members, 'it', 'them');
}

/**
 * For clauses in the one-line explanation, which name the whole group: "it" / "they" when the rule
 * holds for every member, else "3 of 34", so a clause never claims for all what holds for a few.
 */
export function subject(c: Pick<RuleContext, 'members' | 'total'>): string {
  if (c.members >= c.total) return c.total === 1 ? 'it' : 'they';
  return ofN(c);
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
  return partnerPhrase(classOf(c.facts, c.rows[0] ?? 0)) ?? 'woke a goroutine';
}

/** "received from", "woke"…: the same with the waiting goroutines as object ("… from all 6"). */
export function partnerVerbFor(c: RuleContext): string {
  return partnerPhraseFor(classOf(c.facts, c.rows[0] ?? 0));
}

/** "during the trace", or for a cut trace "in the part of the trace that was read": never more than was seen. */
export function duringTrace(c: Pick<RuleContext, 'facts'>): string {
  return c.facts.partial ? 'in the part of the trace that was read' : 'during the trace';
}
