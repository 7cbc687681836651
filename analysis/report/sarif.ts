// SARIF 2.1.0 for code-scanning UIs: one result per verdict, located at the blocking line (where
// the fix usually goes), the `go` statement as a related location, the verdict fingerprint in
// partialFingerprints so an alert survives unrelated edits. One rule per wait class, because
// "goroutine blocked forever on chan send" and "… on sync.Mutex.Lock" have different fixes.
import type { Site } from '../frames';
import type { AnalysisResult, Confidence, Verdict } from '../verdict';
import { operationPhrase, type WaitClass } from '../wait-class';
import { jsonFired, type ToolInfo } from './json';

const LEVEL: Record<Confidence, 'error' | 'warning' | 'note'> = { proven: 'error', high: 'error', medium: 'warning', low: 'note' };

function ruleId(cls: WaitClass): string {
  return `goroutine-leak/${cls}`;
}

/** Absolute paths become file: URIs; trimpath'd / relative ones stay relative to %SRCROOT%. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const enc = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (file.startsWith('/')) return { uri: `file://${enc(file)}` };
  if (/^[A-Za-z]:[\\/]/.test(file)) return { uri: `file:///${enc(file.replace(/\\/g, '/'))}` };
  return { uri: enc(file), uriBaseId: '%SRCROOT%' };
}

function location(s: Site, message?: string) {
  return {
    physicalLocation: {
      artifactLocation: artifact(s.file || 'unknown'),
      ...(s.line > 0 ? { region: { startLine: s.line } } : {}),
    },
    logicalLocations: [{ fullyQualifiedName: s.function, kind: 'function' }],
    ...(message ? { message: { text: message } } : {}),
  };
}

function result(v: Verdict) {
  const site = v.blockedAt ?? v.stack[0];
  return {
    ruleId: ruleId(v.waitClass),
    level: LEVEL[v.confidence],
    message: { text: v.test ? `${v.explanation} (test ${v.test})` : v.explanation },
    ...(site ? { locations: [location(site)] } : {}),
    ...(v.createdBy ? { relatedLocations: [{ id: 1, ...location(v.createdBy, 'goroutines created here') }] } : {}),
    partialFingerprints: { 'leaklineFingerprint/v1': v.fingerprint },
    properties: {
      confidence: v.confidence,
      count: v.count,
      waitReason: v.waitReason,
      startFunction: v.startFunction,
      ...(v.test ? { test: v.test } : {}),
      ...(v.goroutineIds ? { goroutineIds: [...v.goroutineIds] } : {}),
      ...(Number.isNaN(v.probability) ? {} : { probability: Math.round(v.probability * 1e4) / 1e4 }),
      fired: jsonFired(v),
      evidence: v.evidence.map((x) => `${x.kind}: ${x.detail}`),
    },
  };
}

export function toSarif(res: AnalysisResult, tool: ToolInfo) {
  const classes = [...new Set(res.verdicts.map((v) => v.waitClass))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            rules: classes.map((c) => ({
              id: ruleId(c),
              name: `GoroutineLeak${c.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase())}`,
              shortDescription: { text: `Goroutine ${operationPhrase(c)} that may never wake` },
              fullDescription: {
                text: `Goroutines ${operationPhrase(c)} with no evidence that anything will ever unblock them. Confidence and evidence are in each result's properties.`,
              },
              defaultConfiguration: { level: 'warning' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The module root the Go build was run from (-trimpath paths are relative to it)' } } },
        results: res.verdicts.map(result),
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
}

export function writeSarif(res: AnalysisResult, tool: ToolInfo): string {
  return JSON.stringify(toSarif(res, tool), null, 2) + '\n';
}
