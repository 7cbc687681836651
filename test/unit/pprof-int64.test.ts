// int64 exactness on a real profile with targeted edits: a corpus heap profile is decoded,
// given values beyond 2^53 and negative ones (as `pprof -diff_base` writes) and location ids
// above 2^32 and 2^49 (the fast decoder's number/Long boundary), re-encoded with the generated
// encoder and parsed again. Nothing may be silently rounded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Long from 'long';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../parsers/model/byte-source';
import type { SampleProfile } from '../../parsers/model/profile-model';
import { gunzip } from '../../parsers/pprof/gunzip';
import { parsePprof } from '../../parsers/pprof/index';
import { perftools } from '../../parsers/pprof/generated/profile.js';
import { summarizeProfile } from '../../cli/inspect/profile-summary';
import { repoRoot } from '../support/corpus';

const file = path.join(repoRoot, 'test/fixtures/go1.26/http-handler-leak/heap.pb.gz');

describe('int64 values and ids', () => {
  it('keeps values beyond 2^53, negative values and large ids exact', async () => {
    const raw = await gunzip(new Uint8Array(readFileSync(file)), 1 << 28);
    const original = (await parsePprof(bytesSource('heap.pb.gz', raw))) as SampleProfile;
    const pb = perftools.profiles.Profile.decode(raw);
    const big = Long.fromString('1152921504606846977'); // 2^60 + 1: rounds to ...976 as a double
    pb.sample[0].value = [Long.fromNumber(-5), big, Long.fromNumber(3), Long.fromNumber(4)];
    // Renumber two locations to ids above 2^32 and 2^49, everywhere they are used.
    const renumber = [Long.fromString('1099511627783', true), Long.fromString('1125899906842627', true)];
    const oldIds = [pb.location[0].id, pb.location[1].id].map((v) => Long.fromValue(v as Long).toString());
    pb.location[0].id = renumber[0];
    pb.location[1].id = renumber[1];
    for (const s of pb.sample) {
      s.locationId = (s.locationId ?? []).map((id) => {
        const i = oldIds.indexOf(Long.fromValue(id as Long).toString());
        return i >= 0 ? renumber[i] : id;
      });
    }
    const edited = perftools.profiles.Profile.encode(pb).finish();
    const p = (await parsePprof(bytesSource('heap-edited.pb', edited))) as SampleProfile;

    expect(p.samples[0].exactValues).toEqual(['-5', '1152921504606846977', '3', '4']);
    expect(p.samples[0].values[0]).toBe(-5);
    expect(p.samples.slice(1).every((s) => s.exactValues === undefined)).toBe(true);
    expect(p.warnings.map((w) => w.code)).toEqual(['int64-precision']);
    // Stacks resolve exactly as before the renumbering: no dangling ids.
    expect(p.samples.map((s) => p.stacks[s.stack])).toEqual(original.samples.map((s) => original.stacks[s.stack]));
    // Totals in the CLI summary are exact sums (BigInt), not rounded doubles.
    const rest = original.samples.slice(1).reduce((n, s) => n + BigInt(s.values[1]), 0n);
    expect(summarizeProfile('x', p).samples!.totals['alloc_space/bytes']).toBe((rest + 1152921504606846977n).toString());
    // time_nanos (> 2^53 for any date after 1970-04-15) is kept as exact text.
    expect(p.timeNanosExact).toMatch(/^\d{19}$/);
    expect(p.timeNanosExact).toBe(original.timeNanosExact);
  });
});
