// Numbers, plurals and articles for every sentence Leakline shows. Deterministic formatting (no
// locale APIs) so report snapshots are stable on every machine.

/** 1204 → "1,204" */
export function formatCount(n: number): string {
  const s = String(Math.round(n));
  return s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** ns → "0.4 s", "12 ms", "3.2 µs", "2 min" — two significant digits. */
export function formatDuration(ns: number): string {
  const abs = Math.abs(ns);
  const fmt = (v: number, unit: string) => `${v >= 10 ? Math.round(v) : Math.round(v * 10) / 10} ${unit}`;
  if (abs >= 120e9) return fmt(ns / 60e9, 'min');
  if (abs >= 1e9) return fmt(ns / 1e9, 's');
  if (abs >= 1e8) return `${Math.round(ns / 1e8) / 10} s`;
  if (abs >= 1e6) return fmt(ns / 1e6, 'ms');
  if (abs >= 1e3) return fmt(ns / 1e3, 'µs');
  return `${Math.round(ns)} ns`;
}

export function formatPercent(fraction: number): string {
  const p = fraction * 100;
  return `${p >= 10 ? Math.round(p) : Math.round(p * 10) / 10}%`;
}

/** "44 ms" when both ends format alike, else "12 ms – 44 ms". */
export function range(min: number, max: number, fmt: (n: number) => string): string {
  const a = fmt(min);
  const b = fmt(max);
  return a === b ? a : `${a} – ${b}`;
}

/** The noun for n things: plural(1, 'interval') → "interval", plural(3, 'interval') → "intervals". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** "1 goroutine", "1,204 goroutines": never "goroutine(s)". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${plural(n, one, many)}`;
}

/** Verb agreement: agree(1, 'runs', 'run') → "runs". */
export function agree(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

// Words that are spelt with a vowel but said with a consonant ("a user"), and the reverse ("an
// I/O wait", "an hour", "an RWMutex", "an HTTP handler"): the first letter alone gets these wrong.
const CONSONANT_SOUND = /^(u[bcfhjkqrstn][aeiou]|uni|use|usu|eu|one\b|once\b)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir|[AEFHILMNORSX][A-Z0-9/]|[AEFHILMNORSX]\b)/;

/** "a" or "an" for the word that follows: "an I/O wait", "a sleep", "an RWMutex", "a user". */
export function article(word: string): 'a' | 'an' {
  if (VOWEL_SOUND.test(word)) return 'an';
  if (CONSONANT_SOUND.test(word)) return 'a';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** "an I/O wait", "a select". */
export function withArticle(phrase: string): string {
  return `${article(phrase)} ${phrase}`;
}
