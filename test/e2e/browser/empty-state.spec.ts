import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { artifacts, closeAllDocuments, collectErrors, pkgVersion, serveUrl } from '../support';

test.describe('leakline serve: first screen', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`shows the empty state (${scheme}), with no console errors`, async ({ page }) => {
      const errors = collectErrors(page);
      await page.emulateMedia({ colorScheme: scheme });
      const response = await page.goto(serveUrl());
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
      // Other specs share this server; the first screen is what a user sees with nothing open.
      await expect(page.locator('footer')).toContainText('browser mode');
      await closeAllDocuments(page);

      await expect(page.getByRole('heading', { name: 'Open a trace or profile…' })).toBeVisible();
      await expect(page.getByRole('button', { name: /^Open…/ })).toBeEnabled();
      await expect(page.getByTestId('dropzone')).toBeVisible();
      // The footer shows the version the server reported over the WebSocket bridge.
      await expect(page.locator('footer')).toContainText(`Leakline ${pkgVersion}`);
      await expect(page.locator('footer')).toContainText('browser mode');

      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(21, 23, 28)' : 'rgb(247, 247, 248)');

      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: resolve(artifacts, `empty-state-${scheme}.png`) });
      expect(errors).toEqual([]);
    });
  }

  test('carries a CSP meta tag that blocks inline script', async ({ page }) => {
    await page.goto(serveUrl());
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    expect(meta).not.toContain('unsafe-inline');
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          document.addEventListener('securitypolicyviolation', (e) => done(`blocked ${e.violatedDirective}`), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inlineRan = true';
          document.head.append(s);
          setTimeout(() => done((window as unknown as { __inlineRan?: boolean }).__inlineRan ? 'ran' : 'no event'), 2000);
        }),
    );
    expect(outcome).toMatch(/^blocked script-src/);
  });
});
