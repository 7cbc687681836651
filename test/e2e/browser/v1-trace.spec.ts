// Old-format (v1) traces in the app: a Go 1.21 trace of the corpus's chan-send-early-return
// program opens like any other (timeline, suspects, details), and the leak it holds is found with
// exactly the goroutines truth.json names (written by the Go program from the runtime's own view);
// a real-world Go 1.11 trace opens with the goroutine count Go's own reader reports.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, collectErrors, realworldTraces, root, serveUrl } from '../support';

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveUrl())) await closeAllDocuments(page);
});

async function upload(page: Page, file: string): Promise<void> {
  await expect(page.getByText('browser mode')).toBeVisible();
  await chooseFiles(page, () => page.keyboard.press('Control+o'), file);
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
}

const shownIds = (page: Page) =>
  page
    .getByTestId('goroutine-row')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-goroutine'))))
    .then((ids) => ids.sort((a, b) => a - b));

test('a Go 1.21 (v1 format) trace: timeline, suspects and the leak with its goroutines', async ({ page }) => {
  const dir = resolve(root, 'test/fixtures/go1.21/chan-send-early-return');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { leaks: { startFunc: string; ids: number[] }[] };
  const leak = truth.leaks[0];
  const errors = collectErrors(page);
  await page.goto(serveUrl());
  await closeAllDocuments(page);
  await upload(page, join(dir, 'trace.out'));

  const strip = page.getByTestId('load-progress');
  await expect(strip).toHaveAttribute('data-percent', '100');
  await expect(strip).toContainText('trace format 1.21 (Go 1.21+)');
  await expect(page.getByTestId('partial-banner')).toHaveCount(0);
  await expect(page.getByTestId('goroutine-row').first()).toBeVisible();

  const first = page.getByTestId('suspects-panel').getByTestId('suspect').first();
  await expect(first).toHaveAttribute('data-confidence', 'high');
  await expect(first).toContainText(leak.startFunc.replace(/^main\./, ''));
  await first.click();
  await expect.poll(() => shownIds(page)).toEqual([...leak.ids].sort((a, b) => a - b));
  const firstRow = await page.getByTestId('goroutine-row').first().getAttribute('data-goroutine');
  await expect(page.getByTestId('details').getByTestId('details-id')).toHaveText(firstRow!);
  await expect(page.getByTestId('details')).toContainText('chan send');
  await page.screenshot({ path: resolve(artifacts, 'v1-trace.png') });
  expect(errors).toEqual([]);
});

test('a real-world Go 1.11 trace opens with every goroutine Go\'s reader reports', async ({ page }) => {
  const t = realworldTraces().find((e) => e.file === '002.trace')!;
  expect(t.header).toMatch(/^go 1\.11 trace/);
  const errors = collectErrors(page);
  await page.goto(serveUrl());
  await closeAllDocuments(page);
  await upload(page, t.path);
  await expect(page.getByTestId('load-progress')).toContainText('trace format 1.11');
  await expect(page.getByTestId('partial-banner')).toHaveCount(0);
  // 653 goroutines: what Go's reader reports for the same file (test/bench/go-reader -summary).
  await expect(page.getByTestId('trace-view').getByTestId('goroutine-count')).toHaveText('653');
  await expect(page.getByTestId('goroutine-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});
