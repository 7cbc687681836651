import { useSyncExternalStore } from 'react';
import { DARK, LIGHT, type Palette } from './palette';

const query = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : null;

function subscribe(cb: () => void): () => void {
  query?.addEventListener('change', cb);
  return () => query?.removeEventListener('change', cb);
}

/** The span palette of the OS theme, following changes live. */
export function usePalette(): Palette {
  return useSyncExternalStore(subscribe, () => (query?.matches ? DARK : LIGHT));
}

export function currentPalette(): Palette {
  return query?.matches ? DARK : LIGHT;
}
