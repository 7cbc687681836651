// Properties of `npm run build` output that only the build can show.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from '../support';

test('the preload is one CommonJS file that requires only electron (sandbox-compatible)', () => {
  const code = readFileSync(resolve(root, 'out/preload/index.cjs'), 'utf8');
  const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect([...new Set(requires)]).toEqual(['electron']);
  expect(code).not.toMatch(/^\s*import\s/m);
  expect(code).not.toMatch(/^\s*export\s/m);
});

test('the built page carries the production CSP, without unsafe-inline', () => {
  const html = readFileSync(resolve(root, 'out/renderer/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replaceAll('&#39;', "'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe');
  // The CSP must come before the first script so it governs it.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
});
