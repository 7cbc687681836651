import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { bytesSource } from '../../../parsers/model/byte-source';
import { fixtures } from '../../support/corpus';
it('scratch', async () => {
  const text = readFileSync(fixtures('go1.26/http-handler-leak/goroutine.debug2.txt'), 'utf8');
  const lines = text.split('\n');
  for (const filler of ['x', 'a.b(', '(*', ' ', 'main.f(0x1, ']) {
    const l2 = [...lines];
    l2.splice(2, 0, filler.repeat(Math.ceil(9e6 / filler.length)));
    try {
      const p = await parseGoroutineText(bytesSource('d.txt', new TextEncoder().encode(l2.join('\n'))));
      console.log(JSON.stringify(filler), 'ok', p.total, p.warnings.map((w) => w.code));
    } catch (e) { console.log(JSON.stringify(filler), 'error', String(e).slice(0, 200)); }
  }
  const d1 = readFileSync(fixtures('go1.26/http-handler-leak/goroutine.debug1.txt'), 'utf8');
  for (const v of [d1.replace(/^goroutine profile: total \d+/, 'goroutine profile: total 18446744073709551616'), d1.replace(/^(\d+) @/m, '18446744073709551616 @'), d1.replace(/^goroutine profile: total \d+/, 'goroutine profile: total 18446744073709551616').replace(/^(\d+) @/gm, '18446744073709551616 @')]) {
    const p = await parseGoroutineText(bytesSource('d1.txt', new TextEncoder().encode(v)));
    console.log('d1', p.total, JSON.stringify(p.warnings));
  }
});
