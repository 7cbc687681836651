// What each evidence kind is called where people read it (the app, Markdown and HTML reports).
// Evidence kinds are rule ids (analysis/rules) and stay as they are in JSON and SARIF, where tools
// match on them; a person reading "blocked-at-end" learns nothing, so they never see one.

const LABELS: Readonly<Record<string, string>> = {
  'active-in-function': 'Work still going on',
  'closure-goroutine': 'Anonymous function',
  'creator-exited': 'Creator exited',
  'creator-in-scope': 'Creator still running',
  'creator-parked': 'Creator stuck too',
  'creator-returned': 'Creator returned',
  crowd: 'Many at one line',
  'ends-by-itself': 'Wait ends by itself',
  forever: 'Nothing can wake it',
  'gc-proven': 'Proven by the runtime',
  'group-grew': 'Kept growing',
  'idle-loop': 'Idle worker',
  'large-crowd': 'Very many at one line',
  'last-waker-exited': 'Last waker exited',
  'loop-named': 'Named like a loop',
  'never-ran-again': 'Never ran again',
  'never-woken-here': 'Never woken',
  'outlier-wait': 'Unusually long wait',
  'parked-before-trace': 'Parked before the trace',
  'parked-briefly': 'Parked only recently',
  'parked-minutes': 'Parked for minutes',
  'parked-most-of-trace': 'Parked most of the trace',
  'parked-ten-minutes': 'Parked ten minutes or more',
  'partner-returned': 'Partner returned',
  'siblings-busy': 'Siblings still running',
  'siblings-finished': 'Siblings finished',
  'site-never-served': 'Line never served',
  'site-still-served': 'Line still served',
  'site-wakers-exited': 'Every waker exited',
  'site-wakers-stuck': 'Every waker gone or stuck',
  sleeps: 'Sleeping',
  'std-only': 'Inside the standard library',
  'stuck-cohort': 'Whole function stuck',
  'timer-only': 'Woken only by timers',
  'waits-for-lock': 'Waits for a lock',
  'waits-for-waitgroup': 'Waits for a WaitGroup',
  'waits-in-select': 'Waits in a select',
  'waits-on-cond': 'Waits on a Cond',
  'waits-on-semaphore': 'Waits on a semaphore',
  'waits-to-receive': 'Waits to receive',
  'waits-to-send': 'Waits to send',
  'snapshot-growth': 'Grew between snapshots',
  'snapshot-shrink': 'Shrank between snapshots',
};

/** The words for an evidence kind; an unknown kind (a newer rule) is turned into words, never shown raw. */
export function evidenceLabel(kind: string): string {
  const known = LABELS[kind];
  if (known) return known;
  const words = kind.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Every kind with its own label, for the test that each rule has one. */
export const LABELLED_EVIDENCE_KINDS: readonly string[] = Object.keys(LABELS);
