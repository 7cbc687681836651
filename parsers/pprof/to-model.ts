// Decoded proto → Leakline model. goroutine / goroutineleak count profiles become a
// GoroutineProfile (one group per sample: Go writes one sample per distinct stack + label set);
// everything else becomes a SampleProfile over interned stacks.
import type { ParseWarning } from '../model/errors';
import type { GoroutineGroup, GoroutineProfile, ProfileType, Sample, SampleProfile, ValueType } from '../model/profile-model';
import { stackSignature } from '../model/stack';
import type { Frame } from '../model/stack';
import type { DecodedLocation, DecodedProfile, DecodedSample } from './decode';

// Per-location frames and signature text, computed once: a location recurs in thousands of
// samples (64k samples × 70 frames in the benchmark profile share ~400 locations).
const locFrames = new WeakMap<DecodedLocation, { frames: Frame[]; sig: string }>();

function locationFrames(loc: DecodedLocation): { frames: Frame[]; sig: string } {
  let v = locFrames.get(loc);
  if (!v) {
    const frames = loc.lines.length === 0 ? [{ func: loc.address, file: '', line: 0 }] : loc.lines.map((ln) => ({ func: ln.func, file: ln.file, line: ln.line }));
    v = { frames, sig: stackSignature(frames) };
    locFrames.set(loc, v);
  }
  return v;
}

/**
 * Expands inlined lines: Location.line[0] is the innermost function (profile.proto). A loop, not
 * `push(...frames)`: spreading passes every line as an argument (decode.ts bounds them anyway).
 */
export function sampleFrames(s: DecodedSample): Frame[] {
  const frames: Frame[] = [];
  for (const loc of s.locations) for (const f of locationFrames(loc).frames) frames.push(f);
  return frames;
}

/** The innermost frame only, without expanding the rest of the stack. */
function leafFrame(s: DecodedSample): Frame | undefined {
  return s.locations.length ? locationFrames(s.locations[0]).frames[0] : undefined;
}

/**
 * Interns stacks in a trie keyed by location, walked from the outermost frame, so samples that
 * share callers share the node — and its signature text, built as leafPart + "\n" + parent's
 * (V8 keeps such concatenations as ropes sharing the parent string). 64k distinct 70-frame stacks
 * then cost a few nodes each instead of a 4 KB flat string and a 70-element key each.
 */
interface StackNode {
  /** stackSignature of the stack ending here (innermost first). */
  sig: string;
  children?: Map<DecodedLocation, StackNode>;
}

class StackTrie {
  private readonly root: StackNode = { sig: '' };
  node(s: DecodedSample): StackNode {
    let n = this.root;
    for (let i = s.locations.length - 1; i >= 0; i--) {
      const loc = s.locations[i];
      let c = n.children?.get(loc);
      if (!c) {
        const own = locationFrames(loc).sig;
        c = { sig: n === this.root ? own : `${own}\n${n.sig}` };
        (n.children ??= new Map()).set(loc, c);
      }
      n = c;
    }
    return n;
  }
}

/** Which Go profile this is, from its sample types (and the file name where types are shared). */
export function detectProfileType(p: DecodedProfile, name = ''): ProfileType {
  const types = p.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(',');
  switch (types) {
    case 'goroutine/count':
      return 'goroutine';
    case 'goroutineleak/count':
      return 'goroutineleak';
    case 'threadcreate/count':
      return 'threadcreate';
    case 'samples/count,cpu/nanoseconds':
      return 'cpu';
    case 'alloc_objects/count,alloc_space/bytes,inuse_objects/count,inuse_space/bytes':
      // runtime/pprof writeHeapProto: allocs passes defaultSampleType "alloc_space", heap "".
      return p.defaultSampleType === 'alloc_space' ? 'allocs' : 'heap';
    case 'contentions/count,delay/nanoseconds': {
      // block and mutex share one writer and identical types. The mutex profile records the
      // Unlock site (leaf sync.(*Mutex).Unlock, runtime.unlock since Go 1.22's runtime-lock
      // profiling) or runtime._LostContendedRuntimeLock; the block profile the blocking call.
      if (/mutex/i.test(name)) return 'mutex';
      if (/block/i.test(name)) return 'block';
      const leafUnlock = p.samples.some((s) => /unlock$|_LostContendedRuntimeLock$/i.test(leafFrame(s)?.func ?? ''));
      return leafUnlock ? 'mutex' : 'block';
    }
    default:
      return 'unknown';
  }
}

function labelRecords(s: DecodedSample, warnings: { multi: number }) {
  let labels: Record<string, string> | undefined;
  let multiLabels: Record<string, string[]> | undefined;
  for (const [k, vs] of s.labels) {
    (labels ??= {})[k] = vs[0];
    if (vs.length > 1) {
      (multiLabels ??= {})[k] = vs;
      warnings.multi++;
    }
  }
  let numLabels: Record<string, number[]> | undefined;
  let numUnits: Record<string, string[]> | undefined;
  for (const [k, vs] of s.numLabels) {
    (numLabels ??= {})[k] = vs.map((v) => v.value);
    if (vs.some((v) => v.unit !== '')) (numUnits ??= {})[k] = vs.map((v) => v.unit);
  }
  return { labels, multiLabels, numLabels, numUnits };
}

function labelKey(labels: Record<string, string> | undefined): string {
  if (!labels) return '';
  const keys = Object.keys(labels).sort();
  return `\n{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ')}}`;
}

export function toGoroutineProfile(p: DecodedProfile, type: 'goroutine' | 'goroutineleak'): GoroutineProfile {
  const warnings: ParseWarning[] = [...p.warnings];
  const multi = { multi: 0 };
  const byKey = new Map<StackNode, Map<string, { group: GoroutineGroup; count: number }>>();
  const trie = new StackTrie();
  let total = 0;
  let numericInGoroutine = 0;
  for (const s of p.samples) {
    const count = s.values[0] ?? 0;
    total += count;
    const { labels, numLabels } = labelRecords(s, multi);
    // Go writes goroutine labels as strings only; GoroutineGroup has no numeric labels.
    if (numLabels) numericInGoroutine += Object.keys(numLabels).length;
    // Labels are part of a sample's identity in Go's writer (printCountProfile keys on
    // stack + "# labels"), so they stay part of the group key here too.
    const lk = labelKey(labels);
    const node = trie.node(s);
    let byLabels = byKey.get(node);
    if (!byLabels) byKey.set(node, (byLabels = new Map()));
    const seen = byLabels.get(lk);
    if (seen) {
      seen.count += count; // only in hand-merged profiles; Go never repeats a key
      continue;
    }
    const group: GoroutineGroup = { signature: node.sig + lk, count, stack: sampleFrames(s), ...(labels ? { labels } : {}), ...(type === 'goroutineleak' ? { leaked: true } : {}) };
    byLabels.set(lk, { count, group });
  }
  if (multi.multi) warnings.push({ code: 'multi-label', message: `${multi.multi} labels with several values; first value kept` });
  if (numericInGoroutine) warnings.push({ code: 'numeric-label', message: `${numericInGoroutine} numeric labels in a goroutine profile dropped` });
  const groups = [...byKey.values()].flatMap((m) => [...m.values()]).map(({ group, count }) => ({ ...group, count }));
  groups.sort((a, b) => b.count - a.count);
  const timeNanos = Number(p.timeNanos);
  return {
    kind: 'goroutines',
    format: 'pprof-proto',
    profileType: type,
    total,
    groups,
    sampleTypes: p.sampleTypes,
    ...(timeNanos ? { timeNanos, timeNanosExact: p.timeNanos } : {}),
    warnings,
  };
}

export function toSampleProfile(p: DecodedProfile, type: ProfileType): SampleProfile {
  const warnings: ParseWarning[] = [...p.warnings];
  const multi = { multi: 0 };
  const stackIds = new Map<StackNode, number>();
  const trie = new StackTrie();
  const stacks: Frame[][] = [];
  const samples: Sample[] = [];
  for (const s of p.samples) {
    const node = trie.node(s);
    let id = stackIds.get(node);
    if (id === undefined) {
      id = stacks.length;
      stacks.push(sampleFrames(s));
      stackIds.set(node, id);
    }
    const { labels, multiLabels, numLabels, numUnits } = labelRecords(s, multi);
    samples.push({
      stack: id,
      values: s.values,
      ...(s.exactValues ? { exactValues: s.exactValues } : {}),
      ...(labels ? { labels } : {}),
      ...(multiLabels ? { multiLabels } : {}),
      ...(numLabels ? { numLabels } : {}),
      ...(numUnits ? { numUnits } : {}),
    });
  }
  if (multi.multi) warnings.push({ code: 'multi-label', message: `${multi.multi} labels with several values; first value kept in labels` });
  const timeNanos = Number(p.timeNanos);
  const durationNanos = Number(p.durationNanos);
  const period: ValueType | undefined = p.periodType;
  return {
    kind: 'samples',
    format: 'pprof-proto',
    profileType: type,
    sampleTypes: p.sampleTypes,
    ...(p.defaultSampleType ? { defaultSampleType: p.defaultSampleType } : {}),
    stacks,
    samples,
    ...(timeNanos ? { timeNanos, timeNanosExact: p.timeNanos } : {}),
    ...(durationNanos ? { durationNanos } : {}),
    ...(p.comments.length ? { comments: p.comments } : {}),
    ...(period ? { period: { type: period, value: p.period } } : {}),
    warnings,
  };
}
