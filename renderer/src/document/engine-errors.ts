// Engine error codes in words. The technical message (with the file name) follows in small type.
import type { EngineError } from '../../../contract';
import { emptyFileSentence, endsEarlySentence, partialBanner } from '../../../analysis/phrasing';

export function describeEngineError(e: EngineError): string {
  switch (e.code) {
    case 'unknown-format':
      return `${e.file} is not a Go execution trace, pprof profile or goroutine dump.`;
    case 'unsupported-version':
      return `${e.file} was written by a Go version Leakline cannot read.`;
    case 'truncated':
      return e.offset === 0 ? emptyFileSentence(e.file) : endsEarlySentence(e.file);
    case 'corrupt':
      return `${e.file} is damaged.`;
    case 'too-large':
      return `${e.file} is too large to open.`;
    case 'cancelled':
      return `Loading ${e.file} was cancelled.`;
    case 'io':
      return `${e.file} could not be read.`;
    case 'crashed':
      return `The engine reading ${e.file} stopped unexpectedly. Other files are not affected; close the tab and open the file again to retry.`;
    case 'internal':
      return `Something went wrong inside Leakline while reading ${e.file}.`;
  }
}

/** "Partial input: stopped at byte 1,234 because the file ends inside a batch" */
export function describePartial(e: EngineError): string {
  return partialBanner(e.offset, e.offsetKind, e.message);
}
