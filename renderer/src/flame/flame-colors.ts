// Flame graph colours. Single profiles: warm hues for the program's code, cool greys for the
// runtime and standard library, stable per function. Differential: a diverging blue ↔ orange
// scale (Okabe–Ito #0072B2 / #D55E00), readable with red–green colour-vision deficiencies.
import { isRuntimeFunction, isStdFunction, packageOf } from '../../../analysis/frames';

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function singleColor(name: string, dark: boolean): string {
  const h = hash(packageOf(name));
  if (name === 'all') return dark ? 'hsl(220 10% 38%)' : 'hsl(220 12% 80%)';
  if (isRuntimeFunction(name)) return dark ? `hsl(215 10% ${32 + (h % 8)}%)` : `hsl(215 12% ${76 + (h % 8)}%)`;
  if (isStdFunction(name)) return dark ? `hsl(${200 + (h % 30)} 30% ${34 + (h % 8)}%)` : `hsl(${200 + (h % 30)} 40% ${74 + (h % 10)}%)`;
  return dark ? `hsl(${18 + (h % 30)} 62% ${40 + (h % 8)}%)` : `hsl(${18 + (h % 30)} 85% ${66 + (h % 10)}%)`;
}

const GROW = [213, 94, 0];
const SHRINK = [0, 114, 178];

/** change ∈ [−1, 1] → colour; 0 is neutral grey. */
export function diffColor(change: number, dark: boolean): string {
  const base = dark ? [72, 78, 90] : [214, 217, 223];
  const to = change >= 0 ? GROW : SHRINK;
  // sqrt: a group that grew by a third should already read as "grew".
  const t = Math.min(1, Math.sqrt(Math.abs(change)));
  const c = base.map((b, i) => Math.round(b + (to[i] - b) * t));
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}

/** Text colour on a fill: dark text on light fills. */
export function textOn(fill: string, dark: boolean, change?: number): string {
  if (change !== undefined && Math.abs(change) > 0.45) return '#ffffff';
  return dark ? '#e6e8ec' : '#1b1e24';
}
