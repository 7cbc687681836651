// Fixture corpus access for the comparison tests: test/fixtures/go1.XX/<scenario>/ made by the
// project's Go programs (test/goprograms). Expected values come from the corpus's truth.json and
// from counting goroutine headers in the debug=2 dumps, never from the code under test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bytesSource, type GoroutineProfile, type Profile } from '../../../parsers/model';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { parsePprof } from '../../../parsers/pprof/index';
import { repoRoot } from '../../support/corpus';

export const FIXTURES = path.join(repoRoot, 'test/fixtures');

/** Go versions whose corpus has the scenario (sorted). */
export function versionsWith(scenario: string, file = ''): string[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES)
    .filter((v) => existsSync(path.join(FIXTURES, v, scenario, file)))
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}

export function fixture(version: string, scenario: string, file: string): string {
  return path.join(FIXTURES, version, scenario, file);
}

export async function loadProfile(file: string): Promise<Profile> {
  const bytes = new Uint8Array(readFileSync(file));
  const src = bytesSource(path.basename(file), bytes);
  return file.endsWith('.pb.gz') ? parsePprof(src) : parseGoroutineText(src);
}

export async function loadGoroutines(file: string): Promise<GoroutineProfile> {
  const p = await loadProfile(file);
  if (p.kind !== 'goroutines') throw new Error(`${file}: not a goroutine profile`);
  return p;
}

/** Goroutines in a debug=2 dump whose `created by` line names `creator` (plain text count). */
export function countCreatedBy(debug2File: string, creator: string): number {
  const text = readFileSync(debug2File, 'utf8');
  const re = new RegExp(`^created by ${creator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( in goroutine \\d+)?$`, 'gm');
  return text.match(re)?.length ?? 0;
}

export function headerCount(debug2File: string): number {
  return readFileSync(debug2File, 'utf8').match(/^goroutine \d+ .*\[.*\]:$/gm)?.length ?? 0;
}

export interface Truth {
  leaks: { count: number; startFunc: string; blockedIn: string }[];
}

export function truth(version: string, scenario: string): Truth {
  return JSON.parse(readFileSync(fixture(version, scenario, 'truth.json'), 'utf8')) as Truth;
}
