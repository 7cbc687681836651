// pprof profile.proto reader: gzip or raw protobuf → GoroutineProfile (goroutine, goroutineleak)
// or SampleProfile (heap, allocs, block, mutex, threadcreate, CPU, anything else).
import { readAll } from '../model/byte-source';
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { Profile } from '../model/profile-model';
import { decodeProfileBytes, MAX_PROTO_BYTES } from './decode';
import { hasGzipMagic } from './gunzip';
import { detectProfileType, toGoroutineProfile, toSampleProfile } from './to-model';
import { looksLikeProfileProto } from './wire-sniff';

export { decodeProfileBytes } from './decode';
export type { DecodedProfile, DecodedSample, DecodedLocation } from './decode';
export { detectProfileType, sampleFrames } from './to-model';

/** gzip magic (Go always gzips) or a raw protobuf whose first fields fit the Profile message. */
export function isPprof(bytes: Uint8Array): boolean {
  return hasGzipMagic(bytes) || looksLikeProfileProto(bytes);
}

export interface PprofOptions {
  /** Refuse inflated protobufs beyond this many bytes (default 256 MiB). */
  maxBytes?: number;
}

export async function parsePprof(source: ByteSource, options: PprofOptions = {}): Promise<Profile> {
  const maxBytes = options.maxBytes ?? MAX_PROTO_BYTES;
  if (source.size > maxBytes) throw new ParseError('too-large', `${source.name} is ${source.size} bytes, limit ${maxBytes}`, 0);
  const bytes = await readAll(source);
  if (bytes.length === 0) throw new ParseError('truncated', 'empty file', 0);
  const decoded = await decodeProfileBytes(bytes, maxBytes);
  if (decoded.sampleTypes.length === 0 && decoded.samples.length === 0) {
    throw new ParseError('unknown-format', 'no sample types and no samples: not a pprof profile', 0);
  }
  const type = detectProfileType(decoded, source.name);
  if (type === 'goroutine' || type === 'goroutineleak') return toGoroutineProfile(decoded, type);
  return toSampleProfile(decoded, type);
}
