// Span colours. Hues come from the Okabe–Ito set, which stays distinguishable under the three
// common colour-vision deficiencies; the dozen kinds reuse a hue only with a clearly different
// lightness, and the legend always names them. Waits that end by themselves (sleep, I/O, GC)
// are drawn in quiet greys and lavender so that channel and sync waits — where leaks live —
// carry the saturated colours.
import type { Confidence } from '../../../analysis/verdict';
import { SpanKind, SPAN_KIND_COUNT } from './span-kind';

export interface Palette {
  readonly dark: boolean;
  readonly kind: readonly string[]; // by SpanKind
  readonly kindText: readonly string[]; // label colour on top of each kind
  readonly rowBg: string;
  readonly rowAltBg: string;
  readonly groupBg: string;
  readonly selectedBg: string;
  readonly grid: string;
  readonly text: string;
  readonly textMuted: string;
  readonly axisBg: string;
  readonly cursor: string;
  readonly selection: string;
  readonly gc: string;
  readonly stw: string;
  readonly countLine: string;
  readonly countFill: string;
  readonly heapLine: string;
  readonly heapFill: string;
  readonly heapGoal: string;
  readonly confidence: Readonly<Record<Confidence, string>>;
  readonly blockedNoVerdict: string;
  /** runtime/trace user tasks and regions (ProcsArea), apart from every span kind's hue. */
  readonly task: string;
  readonly region: string;
  readonly annText: string;
}

function kinds(entries: Record<number, string>): string[] {
  const out: string[] = [];
  for (let k = 0; k < SPAN_KIND_COUNT; k++) out.push(entries[k] ?? '#999999');
  return out;
}

export const LIGHT: Palette = {
  dark: false,
  kind: kinds({
    [SpanKind.None]: '#e4e6ea',
    [SpanKind.Running]: '#0072b2',
    [SpanKind.Runnable]: '#8ec5ea',
    [SpanKind.Syscall]: '#e7c53c',
    [SpanKind.ChanSend]: '#d55e00',
    [SpanKind.ChanRecv]: '#e69f00',
    [SpanKind.Select]: '#cc79a7',
    [SpanKind.Forever]: '#7b1e3a',
    [SpanKind.Sync]: '#009e73',
    [SpanKind.Timer]: '#c6c9cf',
    [SpanKind.Io]: '#b3a9dc',
    [SpanKind.GcSystem]: '#d9dbe0',
    [SpanKind.OtherWait]: '#a7adb8',
  }),
  kindText: kinds({
    [SpanKind.None]: '#5b6270',
    [SpanKind.Running]: '#ffffff',
    [SpanKind.Runnable]: '#0d2a3d',
    [SpanKind.Syscall]: '#3a2f00',
    [SpanKind.ChanSend]: '#ffffff',
    [SpanKind.ChanRecv]: '#2d1d00',
    [SpanKind.Select]: '#2e0f22',
    [SpanKind.Forever]: '#ffffff',
    [SpanKind.Sync]: '#ffffff',
    [SpanKind.Timer]: '#2b2f36',
    [SpanKind.Io]: '#1f1838',
    [SpanKind.GcSystem]: '#3d424b',
    [SpanKind.OtherWait]: '#1b1e24',
  }),
  rowBg: '#ffffff',
  rowAltBg: '#fafbfc',
  groupBg: '#eef0f3',
  selectedBg: 'rgba(47, 111, 222, 0.10)',
  grid: 'rgba(27, 30, 36, 0.07)',
  text: '#1b1e24',
  textMuted: '#5b6270',
  axisBg: '#f7f7f8',
  cursor: 'rgba(27, 30, 36, 0.45)',
  selection: 'rgba(47, 111, 222, 0.16)',
  gc: '#8e6bbf',
  stw: '#c0392b',
  countLine: '#0072b2',
  countFill: 'rgba(0, 114, 178, 0.14)',
  heapLine: '#009e73',
  heapFill: 'rgba(0, 158, 115, 0.14)',
  heapGoal: 'rgba(0, 158, 115, 0.55)',
  confidence: { proven: '#c0143c', high: '#d55e00', medium: '#e69f00', low: '#8a909c' },
  blockedNoVerdict: '#8a909c',
  task: '#4b5aa8',
  region: '#2f8c86',
  annText: '#ffffff',
};

export const DARK: Palette = {
  ...LIGHT,
  dark: true,
  kind: kinds({
    [SpanKind.None]: '#2a2e37',
    [SpanKind.Running]: '#3d9be0',
    [SpanKind.Runnable]: '#2f5a78',
    [SpanKind.Syscall]: '#c9a92a',
    [SpanKind.ChanSend]: '#e8702a',
    [SpanKind.ChanRecv]: '#e0a21a',
    [SpanKind.Select]: '#c774a3',
    [SpanKind.Forever]: '#b0375c',
    [SpanKind.Sync]: '#1fae85',
    [SpanKind.Timer]: '#4a4f5a',
    [SpanKind.Io]: '#5f5690',
    [SpanKind.GcSystem]: '#3a3e48',
    [SpanKind.OtherWait]: '#5b6170',
  }),
  kindText: kinds({
    [SpanKind.None]: '#a3a9b5',
    [SpanKind.Running]: '#06121c',
    [SpanKind.Runnable]: '#e6eef5',
    [SpanKind.Syscall]: '#1c1600',
    [SpanKind.ChanSend]: '#160800',
    [SpanKind.ChanRecv]: '#1a1100',
    [SpanKind.Select]: '#1c0914',
    [SpanKind.Forever]: '#ffffff',
    [SpanKind.Sync]: '#02140e',
    [SpanKind.Timer]: '#dfe2e8',
    [SpanKind.Io]: '#eeeaff',
    [SpanKind.GcSystem]: '#c3c8d1',
    [SpanKind.OtherWait]: '#eef0f3',
  }),
  rowBg: '#1c1f26',
  rowAltBg: '#1f222a',
  groupBg: '#262a33',
  selectedBg: 'rgba(91, 147, 245, 0.16)',
  grid: 'rgba(230, 232, 236, 0.06)',
  text: '#e6e8ec',
  textMuted: '#a3a9b5',
  axisBg: '#15171c',
  cursor: 'rgba(230, 232, 236, 0.5)',
  selection: 'rgba(91, 147, 245, 0.22)',
  gc: '#a98bd6',
  stw: '#ef6b5b',
  countLine: '#5fb0ea',
  countFill: 'rgba(95, 176, 234, 0.16)',
  heapLine: '#35c29a',
  heapFill: 'rgba(53, 194, 154, 0.15)',
  heapGoal: 'rgba(53, 194, 154, 0.6)',
  confidence: { proven: '#ff5a7a', high: '#ff8a3d', medium: '#f2b53a', low: '#8d94a3' },
  blockedNoVerdict: '#737a87',
  task: '#7f8fe0',
  region: '#5cc2ba',
  annText: '#101318',
};

/** The legend's order: what the user reads first is what matters for leaks. */
export const LEGEND_ORDER: readonly SpanKind[] = [
  SpanKind.Running,
  SpanKind.Runnable,
  SpanKind.Syscall,
  SpanKind.ChanSend,
  SpanKind.ChanRecv,
  SpanKind.Select,
  SpanKind.Forever,
  SpanKind.Sync,
  SpanKind.Timer,
  SpanKind.Io,
  SpanKind.GcSystem,
  SpanKind.OtherWait,
];
