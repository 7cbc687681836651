// Payload validation for the leak-hunt verbs (contract/hunt.ts). Rules end up in a file the CLI
// parses (analysis/ignore.ts parseConfig), so they are held to the same schema here, plus bounds.
import type { ExportRequest, HuntIgnoreRules } from '../../contract';
import { HUNT_REPORT_FORMATS } from '../../contract';
import { BridgeFault } from './bridge-error';
import { validateDocumentId } from './validate';

/** goleak users list a handful of functions; 500 per kind is far beyond any real config. */
export const MAX_RULES_PER_KIND = 500;
/** Go symbol names are long with generics ("pkg.F[...]"), never kilobytes. */
export const MAX_RULE_CHARS = 1024;

const bad = (msg: string) => new BridgeFault('bad-request', msg);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function ruleList(v: unknown, key: string): string[] {
  if (!Array.isArray(v)) throw bad(`rules.${key} must be an array`);
  if (v.length > MAX_RULES_PER_KIND) throw bad(`rules.${key}: at most ${MAX_RULES_PER_KIND} entries`);
  return v.map((x, i) => {
    if (typeof x !== 'string') throw bad(`rules.${key}[${i}] must be a string`);
    const t = x.trim();
    if (t.length === 0 || t.length > MAX_RULE_CHARS) throw bad(`rules.${key}[${i}]: length out of range`);
    if (/[\u0000-\u001f]/.test(t)) throw bad(`rules.${key}[${i}] contains a control character`);
    return t;
  });
}

export function validateIgnoreRules(value: unknown): HuntIgnoreRules {
  if (!isPlainObject(value)) throw bad('rules must be an object');
  for (const k of Object.keys(value)) if (k !== 'topFunction' && k !== 'anyFunction' && k !== 'createdBy') throw bad(`rules: unknown key ${k}`);
  return {
    topFunction: ruleList(value.topFunction ?? [], 'topFunction'),
    anyFunction: ruleList(value.anyFunction ?? [], 'anyFunction'),
    createdBy: ruleList(value.createdBy ?? [], 'createdBy'),
  };
}

export function validateExportRequest(value: unknown): ExportRequest {
  if (!isPlainObject(value)) throw bad('export request must be an object');
  for (const k of Object.keys(value)) if (k !== 'documentId' && k !== 'format') throw bad(`export request: unknown key ${k}`);
  if (!HUNT_REPORT_FORMATS.includes(value.format as ExportRequest['format'])) throw bad(`format must be one of ${HUNT_REPORT_FORMATS.join(', ')}`);
  return { documentId: validateDocumentId(value.documentId), format: value.format as ExportRequest['format'] };
}
