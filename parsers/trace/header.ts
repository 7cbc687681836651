// Trace header: "go 1.NN trace\0\0\0" (16 bytes for every version since 1.11; 1.5–1.10 used a
// different NUL padding). Which versions we read and what we say about the others.
import { ParseError } from '../model/errors';
import { V1_VERSIONS } from './v1/spec';

export const HEADER_SIZE = 16;
/** The 1.22+ format (generations), read by EventStream. */
export const V2_VERSIONS: readonly number[] = [22, 23, 25, 26];
/** Every header version read: the v1 format of Go 1.11–1.21 (v1/) and the v2 format. */
export const SUPPORTED_VERSIONS: readonly number[] = [...V1_VERSIONS, ...V2_VERSIONS];

/** True for the headers of the v1 format (Go 1.11–1.21). */
export function isV1Version(minor: number): boolean {
  return V1_VERSIONS.includes(minor);
}

const PREFIX = 'go 1.';

/** Parses "go 1.NN trace" from the start of `bytes`; returns NN, or -1 when it is not a Go trace header. */
function headerMinor(bytes: Uint8Array): { minor: number; length: number } {
  for (let i = 0; i < PREFIX.length; i++) if (bytes[i] !== PREFIX.charCodeAt(i)) return { minor: -1, length: 0 };
  let i = PREFIX.length;
  let minor = 0;
  const digitsStart = i;
  while (i < bytes.length && i < digitsStart + 3 && bytes[i] >= 0x30 && bytes[i] <= 0x39) minor = minor * 10 + bytes[i++] - 0x30;
  if (i === digitsStart) return { minor: -1, length: 0 };
  const rest = ' trace';
  for (let k = 0; k < rest.length; k++) if (bytes[i + k] !== rest.charCodeAt(k)) return { minor: -1, length: 0 };
  i += rest.length;
  while (i < bytes.length && bytes[i] === 0 && i < HEADER_SIZE) i++;
  return { minor, length: i };
}

/** True when the bytes start with a Go execution trace header of any version. */
export function isGoTrace(bytes: Uint8Array): boolean {
  return headerMinor(bytes).minor >= 0;
}

/** Validates the header; returns the minor version (11, 19, 21, 22, 23, 25, 26) or throws a ParseError. */
export function readHeader(bytes: Uint8Array): number {
  const { minor, length } = headerMinor(bytes);
  if (minor < 0) {
    if (bytes.length < HEADER_SIZE && PREFIX.startsWith(String.fromCharCode(...bytes.subarray(0, PREFIX.length)))) {
      throw new ParseError('truncated', 'file ends inside the trace header', bytes.length);
    }
    throw new ParseError('unknown-format', 'not a Go execution trace (no "go 1.NN trace" header)', 0);
  }
  if (minor > 11 && minor < 21 && minor !== 19) {
    // Go 1.12–1.18 wrote "go 1.11", Go 1.20 "go 1.19": no runtime wrote this header.
    throw new ParseError('unknown-format', `go 1.${minor} trace: unknown trace version (Go 1.11–1.21 wrote only go 1.11, go 1.19 and go 1.21 headers)`, 0);
  }
  if (minor <= 10) {
    throw new ParseError(
      'unsupported-version',
      `go 1.${minor} trace: trace format of Go 1.10 and older; not readable by Go's own trace reader either`,
      0,
    );
  }
  if (!SUPPORTED_VERSIONS.includes(minor)) {
    throw new ParseError('unknown-format', `go 1.${minor} trace: unknown trace version`, 0);
  }
  if (length !== HEADER_SIZE) throw new ParseError('corrupt', 'malformed trace header padding', length);
  return minor;
}
