// The parsers `leakline report` uses, chosen by content sniffing (parsers/sniff.ts), never by
// file extension.
import { parseGoroutineText } from '../parsers/goroutines/index';
import { parsePprof } from '../parsers/pprof/index';
import { sniff } from '../parsers/sniff';
import { parseTrace } from '../parsers/trace/index';
import type { InputLoader } from './report-inputs';

export const DEFAULT_LOADERS: readonly InputLoader[] = [
  { name: 'go-trace', sniff: (b) => sniff(b) === 'go-trace', load: async (s) => ({ trace: await parseTrace(s) }) },
  { name: 'pprof-proto', sniff: (b) => sniff(b) === 'pprof-proto', load: async (s) => ({ profile: await parsePprof(s) }) },
  {
    name: 'goroutine-text',
    sniff: (b) => {
      const f = sniff(b);
      return f === 'goroutine-debug1' || f === 'goroutine-debug2';
    },
    load: async (s) => ({ profile: await parseGoroutineText(s) }),
  },
];
