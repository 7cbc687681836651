import type { Confidence } from '../../../analysis/verdict';

/** The leak mark of a row header: a drop, filled in the verdict's confidence colour. */
export function LeakIcon({ confidence }: { confidence: Confidence | undefined }) {
  return (
    <svg className={`tv-leak-icon tv-conf-${confidence ?? 'none'}`} viewBox="0 0 12 14" width="11" height="13" aria-label={confidence ? `suspected leak, ${confidence} confidence` : 'blocked until the end of the trace'} role="img">
      <path d="M6 1C6 1 1.5 6.3 1.5 9.1a4.5 4.5 0 0 0 9 0C10.5 6.3 6 1 6 1Z" />
    </svg>
  );
}
