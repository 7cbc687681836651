// `.leakline.json`, the project file the CLI (`leakline report`) and the app both read: its schema
// and its parser, pure and small. In contract/ because it is the contract between them: main/
// reads and writes the file, analysis/ applies the rules (analysis/ignore.ts re-exports these).
export interface IgnoreRules {
  readonly topFunction: readonly string[];
  readonly anyFunction: readonly string[];
  readonly createdBy: readonly string[];
}

export type FailOn = 'proven' | 'high' | 'medium' | 'low';

export interface LeaklineConfig {
  readonly ignore: IgnoreRules;
  readonly failOn?: FailOn;
}

/** Thrown for a `.leakline.json` that is not the documented schema (docs/analysis.md). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))
    throw new ConfigError(`${where} must be an array of non-empty strings`);
  return v as string[];
}

/** Parses `.leakline.json` text. Unknown keys are errors: a typo must not silently ignore nothing. */
export function parseConfig(text: string): LeaklineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`not JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('top level must be an object');
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (k !== 'ignore' && k !== 'failOn' && k !== '$schema') throw new ConfigError(`unknown key "${k}"`);
  const ig = obj.ignore ?? {};
  if (typeof ig !== 'object' || ig === null || Array.isArray(ig)) throw new ConfigError('"ignore" must be an object');
  const igo = ig as Record<string, unknown>;
  for (const k of Object.keys(igo))
    if (k !== 'topFunction' && k !== 'anyFunction' && k !== 'createdBy') throw new ConfigError(`unknown key "ignore.${k}"`);
  const failOn = obj.failOn;
  if (failOn !== undefined && !['proven', 'high', 'medium', 'low'].includes(failOn as string))
    throw new ConfigError('"failOn" must be one of proven, high, medium, low');
  return {
    ignore: {
      topFunction: stringList(igo.topFunction, 'ignore.topFunction'),
      anyFunction: stringList(igo.anyFunction, 'ignore.anyFunction'),
      createdBy: stringList(igo.createdBy, 'ignore.createdBy'),
    },
    failOn: failOn as FailOn | undefined,
  };
}
