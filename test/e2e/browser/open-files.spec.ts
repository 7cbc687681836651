import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, collectErrors, realworldTraces, root, serveUrl, startServe } from '../support';

const fixture = (scenario: string) => resolve(root, 'test/fixtures/go1.26', scenario);

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

  // Issue 18: `leakline serve trace.out goroutineleak.pb.gz goroutine-1.pb.gz` opened four unrelated tabs.
  test('a trace named with its profiles opens as one document with them as evidence', async ({ page }) => {
    const dir = fixture('http-handler-leak');
    const server = await startServe([join(dir, 'trace.out'), join(dir, 'goroutineleak.pb.gz'), join(dir, 'goroutine.pb.gz')]);
    try {
      await page.goto(server.url);
      await expect(page.getByRole('tab', { name: 'trace.out' })).toBeVisible();
      await expect(page.locator('.tab-close')).toHaveCount(1);
      const panel = page.getByTestId('suspects-panel');
      await expect(panel.getByTestId('evidence-file')).toHaveCount(2, { timeout: 30_000 });
      await expect(panel.getByTestId('suspect').first()).toHaveAttribute('data-confidence', 'proven', { timeout: 30_000 });
    } finally {
      await server.stop();
    }
  });

  test('goroutine profiles named without a trace open as a series in the compare view', async ({ page }) => {
    const dir = fixture('growing-leak');
    const server = await startServe([1, 2, 3].map((i) => join(dir, `goroutine-${i}.pb.gz`)));
    try {
      await page.goto(server.url);
      await expect(page.getByTestId('cmp-suspects')).toContainText('Growing in every interval (1)', { timeout: 30_000 });
      await expect(page.getByTestId('cmp-slot')).toHaveCount(3);
      expect(new URL(page.url()).searchParams.has('compare')).toBe(false);
    } finally {
      await server.stop();
    }
  });

  test('Open… takes several files: a trace and its profiles become one document', async ({ page }) => {
    const dir = fixture('http-handler-leak');
    await page.goto(serveUrl());
    await expect(page.getByText('browser mode')).toBeVisible();
    await closeAllDocuments(page);
    await chooseFiles(page, () => page.keyboard.press('Control+o'), [join(dir, 'trace.out'), join(dir, 'goroutineleak.pb.gz')]);
    await expect(page.locator('.tab-close')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('suspects-panel').getByTestId('evidence-file')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('suspects-panel').getByTestId('suspect').first()).toHaveAttribute('data-confidence', 'proven', { timeout: 30_000 });
    await closeAllDocuments(page);
  });
});
