// Issue 18, processor rows and user annotations: one row per P above the goroutines (collapsible,
// remembered), drawn where the P ran, with a tooltip naming its thread. Screenshots at 1440×900
// light and dark go to test/artifacts/viewer-procs-*.png (look at them after a UI change).
import { expect, test, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { artifacts, closeAllDocuments, openTraceFile, root, serveOrigin } from '../support';

const FIX = resolve(root, 'test/fixtures/go1.26');

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

const open = openTraceFile;

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

/** First x (CSS px) where the procs canvas at height y differs from the pixel 1 px above the lane, or -1. */
async function firstPainted(page: Page, y: number, laneTop: number): Promise<number> {
  return page.getByTestId('procs-canvas').evaluate(
    (c: HTMLCanvasElement, [yy, top]) => {
      const ctx = c.getContext('2d')!;
      const dpr = c.width / c.clientWidth;
      const line = ctx.getImageData(0, Math.round(yy * dpr), c.width, 1).data;
      const bg = ctx.getImageData(0, Math.round(top * dpr), 1, 1).data;
      for (let x = 0; x < c.width; x++) {
        const i = x * 4;
        if (Math.abs(line[i] - bg[0]) + Math.abs(line[i + 1] - bg[1]) + Math.abs(line[i + 2] - bg[2]) > 60) return x / dpr;
      }
      return -1;
    },
    [y, laneTop] as [number, number],
  );
}

test('user annotations: the pool task, a region per job and a log per job, named in tooltips', async ({ page }) => {
  // healthy-worker-pool wraps its life in task "worker-pool", each of its 20 jobs in region
  // "consume" and logs each job under category "job" (test/goprograms/healthy-worker-pool).
  await open(page, join(FIX, 'healthy-worker-pool', 'trace.out'));
  const canvas = page.getByTestId('procs-canvas');
  await expect(canvas).toHaveAttribute('data-tasks', '1');
  await expect(canvas).toHaveAttribute('data-regions', '20');
  await expect(canvas).toHaveAttribute('data-logs', '20');
  await expect(page.getByTestId('tasks-label')).toContainText('User tasks');
  await expect(page.getByTestId('regions-label')).toContainText('Regions');
  const procs = Number(await canvas.getAttribute('data-procs'));
  const logTop = procs * 14;
  const taskTop = logTop + 12; // below the log strip
  const regionTop = taskTop + 16;
  const box = (await canvas.boundingBox())!;
  const tip = page.getByTestId('procs-tip');
  // Off the lanes (same x, on the heap track) so the hover cursor line is not what the scan finds.
  const away = async (x: number) => {
    await page.mouse.move(box.x + x, box.y - 40);
    await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true');
  };

  // The task lane: its bar carries the task's name.
  const tx = await firstPainted(page, taskTop + 12, taskTop + 1);
  expect(tx).toBeGreaterThanOrEqual(0);
  await page.mouse.move(box.x + tx + 2, box.y + taskTop + 12);
  await expect(tip).toContainText('task worker-pool');

  // Zoom in where the regions are, so single jobs stand apart.
  await away(0);
  const rx = await firstPainted(page, regionTop + 8, regionTop + 1);
  expect(rx).toBeGreaterThanOrEqual(0);
  await away(rx);
  for (let i = 0; i < 12; i++) await page.keyboard.press('w');
  await away(0);
  const rx2 = await firstPainted(page, regionTop + 8, regionTop + 1);
  expect(rx2).toBeGreaterThanOrEqual(0);
  await page.mouse.move(box.x + rx2 + 1, box.y + regionTop + 8);
  await expect(tip).toContainText('region consume');
  await expect(tip).toContainText(/goroutine \d+ · task \d+/);
  // Log marks sit in their strip above the task lane (never over a task's name).
  await expect(page.getByTestId('logs-label')).toContainText('Logs');
  await away(0);
  const lx = await firstPainted(page, logTop + 4, logTop + 11);
  expect(lx).toBeGreaterThanOrEqual(0);
  await page.mouse.move(box.x + lx + 1, box.y + logTop + 4);
  await expect(tip).toContainText(/^log \[job\] \d+/);

  await page.mouse.move(box.x + 5, box.y - 30);
  await page.screenshot({ path: resolve(artifacts, 'viewer-annotations-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true');
  await page.screenshot({ path: resolve(artifacts, 'viewer-annotations-1440-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
});
