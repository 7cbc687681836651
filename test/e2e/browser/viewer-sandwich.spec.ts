// Issue 18, the sandwich (callers / callees) view of a profile: pick a function in the table (by
// mouse or keyboard) and see two trees rooted at it, each holding the function's cumulative value.
// Screenshots: test/artifacts/viewer-sandwich-1440-{light,dark}.png.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, root, serveOrigin, serveUrl } from '../support';

const FIX = resolve(root, 'test/fixtures/go1.26');
const ROW_PX = 20; // FlameGraph's row height

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

async function hoverDepth(page: Page, graph: Locator, depth: number): Promise<string> {
  const b = (await graph.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + depth * ROW_PX + ROW_PX / 2);
  const tip = page.getByTestId('flame-tooltip');
  await expect(tip).toBeVisible();
  return (await tip.textContent()) ?? '';
}

test('callers / callees of a function picked in the table: both rooted at it, with its cum value', async ({ page }) => {
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
  await chooseFiles(page, () => page.keyboard.press('Control+o'), join(FIX, 'http-handler-leak', 'goroutine.pb.gz'));
  await expect(page.getByTestId('flame')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('flame-view-sandwich').click();
  const sandwich = page.getByTestId('flame-sandwich');
  await expect(sandwich).toContainText('Pick a function');
  // Keyboard: focus the row and press Enter.
  const row = sandwich.getByTestId('flame-top-row').filter({ hasText: 'main.handleItem.func1' });
  const cum = (await row.locator('td').nth(2).textContent())!.trim();
  await row.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sandwich-callers-title')).toContainText('Callers of main.handleItem.func1');
  await expect(page.getByTestId('sandwich-callees-title')).toContainText('Callees of main.handleItem.func1');
  // A goroutine's entry function has no callers in a goroutine profile: said, not an empty graph.
  await expect(page.getByTestId('sandwich-no-callers')).toBeVisible();
  const graphs = sandwich.getByTestId('flame');
  await expect(graphs).toHaveCount(1);
  // Depth 1 of the callees is the function itself, holding its cumulative value; below it the
  // runtime's blocking path (it blocks in a channel send).
  const t = await hoverDepth(page, graphs.first(), 1);
  expect(t).toContain('main.handleItem.func1');
  expect(t).toContain(`Total${cum}`);
  expect(await hoverDepth(page, graphs.first(), 2)).toMatch(/^runtime\.chansend/);
  // A function in the middle of stacks has both: its callers hold its cum value too.
  const mid = sandwich.getByTestId('flame-top-row').filter({ hasText: 'runtime.chansend1' });
  const midCum = (await mid.locator('td').nth(2).textContent())!.trim();
  await mid.click();
  await expect(graphs).toHaveCount(2);
  for (const g of [graphs.nth(0), graphs.nth(1)]) expect(await hoverDepth(page, g, 1)).toContain(`Total${midCum}`);
  expect(await hoverDepth(page, graphs.nth(0), 2)).toContain('main.handleItem.func1');
  await page.mouse.move(5, 5);
  await page.screenshot({ path: resolve(artifacts, 'viewer-sandwich-1440-light.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: resolve(artifacts, 'viewer-sandwich-1440-dark.png') });
});
