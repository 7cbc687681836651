import type { ByteOffset } from './units';

/**
 * Why a parser refused or stopped. Stable strings: they cross IPC and appear in CLI JSON, and the
 * renderer maps them to words a user understands.
 */
export type ParseErrorCode =
  | 'unknown-format' // sniffing found no format we read
  | 'unsupported-version' // a format we know, in a version we do not (yet) read
  | 'truncated' // the input ends inside a structure
  | 'corrupt' // a structure is malformed (bad varint, impossible length, bad state transition)
  | 'too-large' // a declared size exceeds a safety bound
  | 'cancelled'; // the caller aborted

/** The one error type every parser throws. `offset` is a byte offset (binary) or a 1-based line (text). */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly offset: ByteOffset = -1,
    /** 'byte' for binary formats, 'line' for text formats */
    readonly offsetKind: 'byte' | 'line' = 'byte',
  ) {
    super(message);
  }

  /** "trace.out: truncated at byte 1234: batch header needs 12 more bytes" */
  describe(file: string): string {
    const where = this.offset >= 0 ? ` at ${this.offsetKind} ${this.offset}` : '';
    return `${file}: ${this.code}${where}: ${this.message}`;
  }
}

/** A recoverable oddity: parsing went on. Goes to model.warnings, never to console. */
export interface ParseWarning {
  code: string;
  message: string;
  offset?: ByteOffset;
}
