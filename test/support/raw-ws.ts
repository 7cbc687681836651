// A WebSocket client that writes raw frames, for attacks on `leakline serve` that a well-behaved
// library (ws, browsers) never sends: bad UTF-8, reserved bits, absurd lengths, bad close codes.
// The handshake is plain HTTP/1.1 (RFC 6455 §4.1); frames are masked as a client's must be.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawWs {
  socket: Socket;
  /** Resolves with the server's close code (from its close frame), or -1 when the TCP connection ended without one. */
  closed: Promise<number>;
  write(frame: Uint8Array): void;
}

/** Opens `path` on 127.0.0.1:port with `headers` and resolves once the server switched protocols. */
export function rawWebSocket(port: number, path: string, headers: Record<string, string>): Promise<RawWs> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const key = randomBytes(16).toString('base64');
    let buf = Buffer.alloc(0);
    let upgraded = false;
    let closeCode = -1;
    let settleClosed: (code: number) => void = () => {};
    const closed = new Promise<number>((r) => (settleClosed = r));
    socket.on('error', () => {});
    socket.on('close', () => {
      if (!upgraded) reject(new Error(`connection closed before the upgrade: ${buf.toString('latin1')}`));
      settleClosed(closeCode);
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (!upgraded) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101')) {
          reject(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        upgraded = true;
        buf = buf.subarray(end + 4);
        resolve({ socket, closed, write: (f) => socket.write(f) });
      }
      // Server frames are unmasked; only the close frame's code matters here.
      while (buf.length >= 2) {
        const opcode = buf[0] & 0x0f;
        let len = buf[1] & 0x7f;
        let at = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          at = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          at = 10;
        }
        if (buf.length < at + len) return;
        if (opcode === 8 && len >= 2) closeCode = buf.readUInt16BE(at);
        buf = buf.subarray(at + len);
      }
    });
    const lines = [
      `GET ${path} HTTP/1.1`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${key}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    socket.write(lines.join('\r\n') + '\r\n\r\n');
  });
}

export interface FrameSpec {
  opcode: number;
  payload?: Uint8Array;
  /** Sets RSV1 (permessage-deflate's bit; never negotiated with leakline serve). */
  rsv1?: boolean;
  /** Announces this length instead of the payload's (the payload is then not sent whole). */
  declaredLength?: bigint;
}

/** One masked client frame. */
export function clientFrame(spec: FrameSpec): Uint8Array {
  const payload = spec.payload ?? new Uint8Array(0);
  const length = spec.declaredLength ?? BigInt(payload.length);
  const head: number[] = [0x80 | (spec.rsv1 ? 0x40 : 0) | spec.opcode];
  if (length < 126n) head.push(0x80 | Number(length));
  else if (length < 65536n) head.push(0x80 | 126, Number(length >> 8n) & 0xff, Number(length) & 0xff);
  else {
    head.push(0x80 | 127);
    for (let i = 7; i >= 0; i--) head.push(Number((length >> BigInt(8 * i)) & 0xffn));
  }
  const mask = randomBytes(4);
  const masked = payload.map((b, i) => b ^ mask[i % 4]);
  return Buffer.concat([Buffer.from(head), mask, masked]);
}

export const OPCODE = { text: 1, binary: 2, close: 8 } as const;
