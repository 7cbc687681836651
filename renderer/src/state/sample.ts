/// <reference types="vite/client" />
// The bundled sample: a real trace from the fixture corpus (a Go program whose fan-out leaks
// goroutines blocked on chan send), so a newcomer sees the point in one click. Found with
// import.meta.glob so the build does not fail on a checkout without the fixture corpus.
import { bridge } from '../bridge';

const found = import.meta.glob('../../../test/fixtures/go1.26/fanout-no-fanin/trace.out', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export const SAMPLE_NAME = 'fanout-no-fanin.trace';
export const sampleUrl: string | undefined = Object.values(found)[0];

/** Uploads the sample like a dropped file, so it becomes an ordinary document. */
export async function openSample() {
  if (!sampleUrl) throw new Error('not-found: this build has no bundled sample');
  const res = await fetch(sampleUrl);
  const blob = await res.blob();
  return bridge().openDropped(new File([blob], SAMPLE_NAME, { type: 'application/octet-stream' }));
}
