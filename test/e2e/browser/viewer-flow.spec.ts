// Issue 18, unblock links: a selected wait draws an arrow from the goroutine that woke it, and its
// details list the other goroutines blocked at the same line (checked against the fixture's
// truth.json, written by the Go program itself). Screenshots: test/artifacts/viewer-flow-*.png.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { artifacts, closeAllDocuments, openTraceFile, root, serveOrigin } from '../support';

const FIX = resolve(root, 'test/fixtures/go1.26');

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

const open = openTraceFile;

test('who else blocked at this line: the leak group of the fixture, nobody else', async ({ page }) => {
  const truth = JSON.parse(readFileSync(join(FIX, 'http-handler-leak', 'truth.json'), 'utf8')) as { leaks: { ids: number[]; traceReason: string }[] };
  const group = truth.leaks[0];
  const me = group.ids[0];
  await open(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator(`[data-goroutine="${me}"]`).click();
  await page.getByTestId('state-table').locator('tbody tr').filter({ hasText: group.traceReason }).last().click();
  const same = page.getByTestId('same-line');
  await expect(same).toContainText(`${group.ids.length - 1} other goroutines blocked at this line`);
  await expect(same).toContainText(/main\.go:\d+/);
  const listed = await same.locator('[data-goroutine-link]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-goroutine-link'))));
  expect(listed.sort((a, b) => a - b)).toEqual(group.ids.filter((id) => id !== me).sort((a, b) => a - b));
  // One click goes to one of them.
  await same.locator('[data-goroutine-link]').first().click();
  await expect(page.getByTestId('details-id')).toHaveText(String(listed[0]));
});

test('flow arrow: a wait that ended is linked on the canvas to the goroutine that woke it', async ({ page }) => {
  await open(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator('[data-goroutine="1"]').click();
  const rows = page.getByTestId('state-table').locator('tbody tr');
  const n = await rows.count();
  let found = false;
  for (let i = 0; i < Math.min(n, 60) && !found; i++) {
    await rows.nth(i).click();
    found = (await page.getByTestId('span-waker').count()) > 0 && (await page.getByTestId('span-waker').getByRole('button').count()) > 0;
  }
  expect(found).toBe(true);
  const waker = (await page.getByTestId('span-waker').getByRole('button').textContent())!.match(/^G(\d+)/)![1];
  const canvas = page.getByTestId('rows-canvas');
  await expect(canvas).toHaveAttribute('data-flow', new RegExp(`^${waker}>1@\\d+(\\.\\d+)?$`));
  // Zoom to the wake so the arrow stands apart from neighbouring spans, then look for its pixels.
  const at = Number((await canvas.getAttribute('data-flow'))!.split('@')[1]);
  await page.evaluate(() => 0);
  const tv = page.getByTestId('trace-view');
  const box = (await canvas.boundingBox())!;
  const start = Number(await tv.getAttribute('data-view-start'));
  const end = Number(await tv.getAttribute('data-view-end'));
  const x = ((at - start) / (end - start)) * box.width;
  await page.mouse.move(box.x + x, box.y + 5);
  for (let i = 0; i < 6; i++) await page.keyboard.press('w');
  await expect(tv).toHaveAttribute('data-idle', 'true');
  await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5);
  await page.screenshot({ path: resolve(artifacts, 'viewer-flow-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(tv).toHaveAttribute('data-idle', 'true');
  await page.screenshot({ path: resolve(artifacts, 'viewer-flow-1440-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  // Deselecting removes the arrow.
  await page.locator('body').press('Escape');
  await expect(canvas).toHaveAttribute('data-flow', '');
});
