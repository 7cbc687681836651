// Content sniffing: the format comes from the bytes, never from the file name, so a profile
// saved as ".txt" or a dump saved as ".pb.gz" still opens.
import { isPprof } from './pprof/index';
import { goroutineTextKind } from './goroutines/index';

export type SniffedFormat = 'pprof-proto' | 'goroutine-debug1' | 'goroutine-debug2' | 'go-trace' | 'unknown';

// "go 1.NN trace\x00\x00\x00" (16 bytes) opens every execution trace since Go 1.5.
const TRACE_MAGIC = /^go 1\.\d+ trace\0*$/;

export function sniff(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 16) {
    let head = '';
    for (let i = 0; i < 16; i++) head += String.fromCharCode(bytes[i]);
    if (TRACE_MAGIC.test(head)) return 'go-trace';
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'pprof-proto';
  // Text first: a text file can never pass the proto check ('g' is an invalid wire type), but a
  // short binary blob might accidentally contain a goroutine header.
  const text = goroutineTextKind(bytes);
  if (text) return text;
  if (isPprof(bytes)) return 'pprof-proto';
  return 'unknown';
}
