// Issue 18, processor rows and user annotations: one row per P above the goroutines (collapsible,
// remembered), drawn where the P ran, with a tooltip naming its thread. Screenshots at 1440×900
// light and dark go to test/artifacts/viewer-procs-*.png (look at them after a UI change).
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, root, serveOrigin, serveUrl } from '../support';

const FIX = resolve(root, 'test/fixtures/go1.26');

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

async function open(page: Page, file: string): Promise<void> {
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
  await chooseFiles(page, () => page.keyboard.press('Control+o'), file);
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
}

/** x positions (CSS px) along the middle of P row `p` where the canvas is not the row background. */
async function paintedXs(page: Page, p: number): Promise<number[]> {
  return page.getByTestId('procs-canvas').evaluate((c: HTMLCanvasElement, row) => {
    const ctx = c.getContext('2d')!;
    const dpr = c.width / c.clientWidth;
    const y = Math.round((row * 14 + 7) * dpr);
    const line = ctx.getImageData(0, y, c.width, 1).data;
    const bg = [line[0], line[1], line[2]];
    // The row background is the most common colour of the row's first pixels when the P idles at 0;
    // compare against the colour of the row 1 px above the bar instead, which is always background.
    const above = ctx.getImageData(0, Math.round((row * 14 + 1) * dpr), c.width, 1).data;
    const out: number[] = [];
    for (let x = 0; x < c.width; x += Math.max(1, Math.round(dpr))) {
      const i = x * 4;
      if (Math.abs(line[i] - above[i]) + Math.abs(line[i + 1] - above[i + 1]) + Math.abs(line[i + 2] - above[i + 2]) > 60) out.push(x / dpr);
    }
    void bg;
    return out;
  }, p);
}

test('processor rows: one per P, drawn where it ran, thread in the tooltip, collapsible and remembered', async ({ page }) => {
  await open(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const area = page.getByTestId('procs-area');
  await expect(area).toBeVisible();
  const labels = page.getByTestId('proc-label');
  const n = await labels.count();
  expect(n).toBeGreaterThan(0);
  await expect(page.getByTestId('procs-toggle')).toContainText(`(${n} P)`);
  await expect(page.getByTestId('procs-canvas')).toHaveAttribute('data-procs', String(n));
  await expect(labels.first()).toHaveText(/^P\d+$/);

  // Somewhere along P row 0 the P ran: the bar is painted there and the tooltip says so.
  const xs = await paintedXs(page, 0);
  expect(xs.length).toBeGreaterThan(0);
  const box = (await page.getByTestId('procs-canvas').boundingBox())!;
  await page.mouse.move(box.x + xs[Math.floor(xs.length / 2)], box.y + 7);
  await expect(page.getByTestId('procs-tip')).toBeVisible();
  await expect(page.getByTestId('procs-tip')).toContainText(/^P\d+ running on thread M\d+/);
  // Where the row is unpainted the P idles.
  const idleX = [...Array(Math.floor(box.width)).keys()].find((x) => !xs.some((p) => Math.abs(p - x) <= 4));
  if (idleX !== undefined) {
    await page.mouse.move(box.x + idleX, box.y + 7);
    await expect(page.getByTestId('procs-tip')).toContainText(/idle/);
  }

  await page.mouse.move(box.x + 10, box.y - 40);
  await page.screenshot({ path: resolve(artifacts, 'viewer-procs-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true');
  await page.screenshot({ path: resolve(artifacts, 'viewer-procs-1440-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // Collapse: the rows go, the choice survives a reload.
  await page.getByTestId('procs-toggle').click();
  await expect(page.getByTestId('procs-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(labels).toHaveCount(0);
  await open(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await expect(page.getByTestId('procs-toggle')).toHaveAttribute('aria-expanded', 'false');
  await page.getByTestId('procs-toggle').press('Enter');
  await expect(labels).toHaveCount(n);

  // Every mark the new lanes draw is named in the legend.
  const marks = await page.getByTestId('legend').locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
  for (const m of ['proc', 'task', 'region', 'log']) expect(marks).toContain(m);
});
