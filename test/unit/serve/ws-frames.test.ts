// Malformed WebSocket frames against a live `leakline serve`: each one closes that connection
// with the RFC 6455 status code for its fault, and the server goes on answering. Before the
// sockets had an 'error' listener, every one of these killed the whole process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentInfo } from '../../../contract';
import { bridgeCall, startLive, type LiveServer } from '../../support/live-serve';
import { clientFrame, OPCODE, rawWebSocket } from '../../support/raw-ws';
import { realworldTraces } from '../../support/corpus';
import { MAX_FRAME_BYTES } from '../../../main/serve/ws-bridge';

let live: LiveServer;
let doc: DocumentInfo;

beforeAll(async () => {
  live = await startLive();
  const traces = realworldTraces();
  const t = traces.find((x) => x.size > 200_000) ?? traces[0];
  doc = await live.service.openPath(t.path);
});
afterAll(() => live.server.close());

const closeCode = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

/** Each attack with the close code RFC 6455 §7.4.1 prescribes (and ws sends). */
const ATTACKS: { name: string; frame: () => Uint8Array; code: number }[] = [
  { name: 'a text frame of invalid UTF-8', frame: () => clientFrame({ opcode: OPCODE.text, payload: Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d) }), code: 1007 },
  { name: 'RSV1 set without an extension', frame: () => clientFrame({ opcode: OPCODE.text, payload: new TextEncoder().encode('{}'), rsv1: true }), code: 1002 },
  { name: 'a payload over the frame limit', frame: () => clientFrame({ opcode: OPCODE.binary, declaredLength: BigInt(MAX_FRAME_BYTES + 1) }), code: 1009 },
  { name: 'a length over 2^53', frame: () => clientFrame({ opcode: OPCODE.binary, declaredLength: 2n ** 60n }), code: 1009 },
  { name: 'close code 999', frame: () => clientFrame({ opcode: OPCODE.close, payload: closeCode(999) }), code: 1002 },
];

describe.each(['/bridge', '/stream'])('malformed frames on %s', (endpoint) => {
  it.each(ATTACKS)('$name: that connection is closed, the server lives on', async ({ frame, code }) => {
    const path = endpoint === '/stream' ? `/stream?doc=${doc.id}` : endpoint;
    const raw = await rawWebSocket(live.server.port, path, live.own);
    const warned = live.warnings.length;
    raw.write(frame());
    expect(await raw.closed).toBe(code);
    expect(await bridgeCall(live, 'getVersion', [])).toMatchObject({ ok: true, result: { version: '1.2.3' } });
    // The fault is logged (stderr in the CLI), naming the socket it closed.
    expect(live.warnings.slice(warned).join('\n')).toMatch(endpoint === '/stream' ? `stream socket for ${doc.id} closed` : 'bridge socket closed');
  });
});
