import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifacts, collectErrors, realworldTraces, serveUrl, startServe } from '../support';

/** The uploaded copy (its path is the tab's tooltip) must hold exactly the original bytes. */
async function expectUploadedCopy(page: Page, name: string, originalPath: string): Promise<void> {
  const copy = await page.getByRole('tab', { name }).getAttribute('title');
  expect(copy).toBeTruthy();
  expect(copy).not.toBe(originalPath);
  expect(readFileSync(copy as string).equals(readFileSync(originalPath))).toBe(true);
}

test.describe('leakline serve: opening files', () => {
  test('Open… uploads the chosen file to the local server and shows it', async ({ page }) => {
    const errors = collectErrors(page);
    const trace = realworldTraces().find((t) => t.size > 100_000 && t.size < 1_000_000) ?? realworldTraces()[0];
    await page.goto(serveUrl());
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Open…/ }).click();
    await (await chooser).setFiles(trace.path);

    await expect(page.getByRole('tab', { name: trace.file })).toHaveAttribute('aria-selected', 'true');
    await expectUploadedCopy(page, trace.file, trace.path);
    await page.screenshot({ path: resolve(artifacts, 'document-open.png') });

    await page.getByRole('button', { name: `Close ${trace.file}` }).click();
    await expect(page.getByRole('heading', { name: 'Open a trace or profile…' })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a file dropped on the window is uploaded and opened', async ({ page }) => {
    const trace = realworldTraces().reduce((a, b) => (a.size <= b.size ? a : b));
    await page.goto(serveUrl());
    await expect(page.getByRole('heading', { name: 'Open a trace or profile…' })).toBeVisible();
    const bytes = [...readFileSync(trace.path)];
    const dt = await page.evaluateHandle(
      ({ name, bytes }) => {
        const d = new DataTransfer();
        d.items.add(new File([new Uint8Array(bytes)], name));
        return d;
      },
      { name: trace.file, bytes },
    );
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    await expect(page.getByTestId('dropzone')).toHaveClass(/dropzone-active/);
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await expect(page.getByRole('tab', { name: trace.file })).toHaveAttribute('aria-selected', 'true');
    await expectUploadedCopy(page, trace.file, trace.path);
  });

  test('files named on the command line are open when the page loads', async ({ page }) => {
    const [a, b] = realworldTraces();
    const server = await startServe([a.path, b.path]);
    try {
      await page.goto(server.url);
      await expect(page.getByRole('tab', { name: a.file })).toBeVisible();
      await expect(page.getByRole('tab', { name: b.file })).toBeVisible();
      // Opened in place, not uploaded: the tab points at the file itself.
      await expect(page.getByRole('tab', { name: a.file })).toHaveAttribute('title', a.path);
    } finally {
      await server.stop();
    }
  });
});
