import { describe, expect, it } from 'vitest';
import { decideNavigation, isTrustedRendererUrl } from '../../main/app/trust';

const prod = { url: 'app://leakline/index.html' };
const dev = { url: 'http://localhost:5173/' };

describe('isTrustedRendererUrl', () => {
  it('accepts the renderer page with any hash or query', () => {
    expect(isTrustedRendererUrl(prod.url, prod)).toBe(true);
    expect(isTrustedRendererUrl(prod.url + '#/doc-1?x=1', prod)).toBe(true);
    expect(isTrustedRendererUrl('app://leakline/assets/index.js', prod)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/src/index.tsx', dev)).toBe(true);
  });
  it('refuses other files, hosts, ports and schemes (file: pages included)', () => {
    expect(isTrustedRendererUrl('file:///tmp/evil.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/Leakline/resources/app.asar/out/renderer/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('app://evil/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('app://user:pw@leakline/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('app://leakline:8080/index.html', prod)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://evil.example/', dev)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedRendererUrl('about:blank', prod)).toBe(false);
    expect(isTrustedRendererUrl('', prod)).toBe(false);
    expect(isTrustedRendererUrl(null, prod)).toBe(false);
    expect(isTrustedRendererUrl('not a url', prod)).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('allows only the renderer, sends https links to the browser, denies the rest', () => {
    expect(decideNavigation(prod.url, prod)).toBe('allow');
    expect(decideNavigation('https://go.dev/doc/diagnostics', prod)).toBe('open-external');
    expect(decideNavigation('http://example.com/', prod)).toBe('deny');
    expect(decideNavigation('file:///etc/passwd', prod)).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', prod)).toBe('deny');
  });
});
