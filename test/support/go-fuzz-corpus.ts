// Reads a Go fuzz corpus file ("go test fuzz v1" + one `[]byte("…")` line) into bytes.
import { goUnquote } from './trace-text';

export function readGoFuzzCorpus(text: string): Uint8Array {
  const lines = text.split('\n');
  if (lines[0].trim() !== 'go test fuzz v1') throw new Error('not a Go fuzz corpus file');
  const m = /^\[\]byte\((".*")\)\s*$/.exec(lines[1]);
  if (!m) throw new Error('expected a single []byte("…") value');
  return goUnquote(m[1]);
}
