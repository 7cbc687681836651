// The committed fit (weights.json, written by `npm run fit:rules`), typed.
import type { Model } from './model';
import weights from './weights.json';

export const DEFAULT_MODEL: Model = weights as Model;
