// Facts about goroutines parked in one goroutine profile: a debug=2 dump (one row per goroutine:
// ids, wait reasons, minutes, `created by … in goroutine N`), or a debug=0/1 profile and a
// goroutineleak profile (one row per stack group, weighted by its count). A snapshot cannot say
// what happened before it: every history fact stays UNKNOWN; what it can say is who created each
// goroutine and whether that creator (and the goroutine's siblings) are still there.
import type { Frame, GoroutineGroup, GoroutineProfile } from '../../parsers/model';
import { isLeakedGroup } from '../align';
import { blockingFrame, entryFunction, frameToSite } from '../frames';
import { fingerprint } from '../fingerprint';
import { ignoreReason, type IgnoreRules } from '../ignore';
import type { InputKind } from '../verdict';
import { classifyWaitReason, isParked, normalizeWaitReason, PARTNER_CLASSES } from '../wait-class';
import { allocateFacts, finishFacts } from './columns';
import { FunctionActivityBuilder } from './function-activity';
import { classIndex, NO, YES, type GroupInfo, type ParkedFacts } from './parked';

// debug=0 carries no state: a stack without a park frame is running or runnable (the goroutine
// writing the profile always is).
const PARK_FRAME = /^runtime\.(gopark|goparkunlock|park_m|netpollblock|semacquire1|notetsleepg)$/;

export function inputKindOf(p: GoroutineProfile): InputKind {
  if (p.profileType === 'goroutineleak') return 'goroutineleak';
  return p.format === 'pprof-proto' ? 'debug0' : p.format === 'goroutine-debug1' ? 'debug1' : 'debug2';
}

export interface ProfileFactsResult {
  readonly facts: ParkedFacts;
  readonly ignored: Record<string, number>;
}

interface GroupView {
  readonly g: GoroutineGroup;
  readonly cls: ReturnType<typeof classifyWaitReason>;
  readonly entry: string;
  readonly parked: boolean;
  readonly leaked: boolean;
}

const siblingKey = (entry: string, g: GoroutineGroup): string => `${entry}\n${g.createdBy ? `${g.createdBy.func}:${g.createdBy.line}` : ''}`;

export function profileFacts(p: GoroutineProfile, source: string, rules: IgnoreRules): ProfileFactsResult {
  const kind = inputKindOf(p);
  const views: GroupView[] = p.groups.map((g) => {
    const leaked = isLeakedGroup(p, g);
    const cls = classifyWaitReason(g.state, g.stack);
    let parked = leaked || isParked(cls);
    if (!leaked && cls === 'unknown' && p.format === 'pprof-proto' && !g.stack.some((f) => PARK_FRAME.test(f.func))) parked = false;
    return { g, cls, entry: entryFunction(g.stack), parked, leaked };
  });
  // Per-goroutine facts need the dump's goroutines (debug=2); other formats have one row per group.
  const records = p.goroutines;
  const byId = new Map<number, { group: number; stack: readonly Frame[] }>();
  if (records) for (const rec of records) byId.set(rec.id, { group: rec.group, stack: views[rec.group]?.g.stack ?? [] });
  const busyKin = new Set<string>();
  for (const v of views) if (!v.parked) busyKin.add(siblingKey(v.entry, v.g));
  const activityBuilder = new FunctionActivityBuilder();
  if (records) {
    for (const rec of records) {
      const v = views[rec.group];
      if (v) activityBuilder.add(v.g.stack, v.parked && PARTNER_CLASSES.has(v.cls));
    }
  } else for (const v of views) activityBuilder.add(v.g.stack, v.parked && PARTNER_CLASSES.has(v.cls), v.g.count);
  const activity = activityBuilder.build();

  const rowsTotal = records ? records.length : views.length;
  const c = allocateFacts(rowsTotal);
  const groups: GroupInfo[] = [];
  const groupOfFp = new Map<string, number>();
  const ignoredGroup = new Map<number, string | null>();
  const ignored: Record<string, number> = {};
  let n = 0;
  const addRow = (gi: number, id: number, weight: number, minutes: number | undefined, parentId: number | undefined, leaked: boolean): void => {
    const v = views[gi];
    let why = ignoredGroup.get(gi);
    if (why === undefined) {
      why = ignoreReason({ stack: v.g.stack, waitClass: v.cls, createdBy: v.g.createdBy?.func, entryFunction: v.entry }, rules) ?? null;
      ignoredGroup.set(gi, why);
    }
    if (why) {
      ignored[why] = (ignored[why] ?? 0) + weight;
      return;
    }
    const i = n++;
    c.id[i] = id;
    c.weight[i] = weight;
    c.waitClass[i] = classIndex(v.cls);
    c.gcProven[i] = leaked ? YES : NO;
    if (minutes !== undefined) c.waitMinutes[i] = minutes;
    else if (kind === 'debug2') c.waitMinutes[i] = 0; // debug=2 prints minutes only from one minute on
    if (parentId !== undefined) {
      const parent = byId.get(parentId);
      c.creatorExited[i] = parent ? NO : YES;
      if (parent) {
        const pv = views[parent.group];
        c.creatorParked[i] = pv && pv.parked && PARTNER_CLASSES.has(pv.cls) ? YES : NO;
        const creator = v.g.createdBy?.func;
        const inScope = creator !== undefined && parent.stack.some((f) => f.func === creator);
        c.creatorInScope[i] = inScope ? YES : NO;
        c.creatorReturned[i] = creator !== undefined && !inScope ? YES : NO;
      }
    }
    const bfunc = blockingFrame(v.g.stack)?.func;
    if (bfunc !== undefined) {
      c.activeInFunction[i] = activity.active(bfunc) > 0 ? YES : NO;
      c.stuckCohort[i] = activity.active(bfunc) === 0 && activity.parked(bfunc) > weight ? YES : NO;
    }
    c.siblingsBusy[i] = busyKin.has(siblingKey(v.entry, v.g)) ? YES : NO;
    const bf = blockingFrame(v.g.stack);
    const fp = fingerprint(v.entry, bf?.func ?? '');
    let g = groupOfFp.get(fp);
    if (g === undefined) {
      g = groups.length;
      groupOfFp.set(fp, g);
      groups.push({
        fingerprint: fp,
        entry: v.entry,
        blockedAt: bf ? frameToSite(bf) : undefined,
        createdBy: v.g.createdBy ? { function: v.g.createdBy.func, file: v.g.createdBy.file, line: v.g.createdBy.line } : undefined,
        stack: v.g.stack,
        reason: v.g.state ? normalizeWaitReason(v.g.state) : '',
      });
    }
    c.group[i] = g;
  };
  if (records) {
    for (const rec of records) {
      const v = views[rec.group];
      if (!v || !(v.parked || rec.leaked)) continue;
      addRow(rec.group, rec.id, 1, rec.waitMinutes, rec.createdBy?.parentId, rec.leaked || v.leaked);
    }
  } else {
    views.forEach((v, gi) => {
      if (v.parked) addRow(gi, NaN, v.g.count, v.g.waitMinutes?.min, undefined, v.leaked);
    });
  }
  return { facts: finishFacts(c, n, { kind, source, durationNs: NaN, groups }), ignored };
}
