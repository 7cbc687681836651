// Compare view end to end: two snapshots of the corpus's growing-leak scenario uploaded through
// the compare picker; the table, the differential flame graph, the stacks side by side and the
// series chart (three snapshots) render. Screenshots go to test/artifacts/.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { artifacts, closeAllDocuments, collectErrors, root, serveOrigin, serveUrl } from '../support';

const fixtures = resolve(root, 'test/fixtures');
const version = readdirSync(fixtures)
  .filter((v) => existsSync(resolve(fixtures, v, 'growing-leak/goroutine-3.pb.gz')))
  .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
  .pop()!;
const snap = (i: number) => resolve(fixtures, version, 'growing-leak', `goroutine-${i}.pb.gz`);

async function addSnapshots(page: Page, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add snapshots…' }).first().click();
  await (await chooser).setFiles(files);
}

/** Pixels of the canvas that are not background, and of those, how many are growth orange. */
async function canvasInk(page: Page, testId: string): Promise<{ ink: number; grow: number }> {
  return page.getByTestId(testId).locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const g = c.getContext('2d')!;
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    let grow = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] === 0) continue;
      ink++;
      if (d[i] > 150 && d[i + 2] < 120 && d[i] - d[i + 2] > 80) grow++;
    }
    return { ink, grow };
  });
}

test.describe('compare view', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
  });
  // The server is shared with the other specs: leave no snapshot tabs behind.
  test.afterEach(async ({ page }) => {
    if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
  });

  test('two snapshots: table, differential flame graph, stacks side by side; then a series of three', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(serveUrl());
    await page.getByTestId('open-compare').click();
    await expect(page.getByRole('heading', { name: 'Compare goroutine snapshots' })).toBeVisible();
    await addSnapshots(page, [snap(1), snap(3)]);

    // The table: the leaking group first, 5 → 15 (the scenario starts 5 subscribers per phase).
    const rows = page.getByTestId('cmp-row');
    await expect(rows.first()).toContainText('main.subscribe.func1');
    await expect(rows.first()).toContainText('+10');
    await expect(rows.first()).toContainText('+200%');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    for (const r of (await rows.all()).slice(1)) await expect(r).toContainText('same');
    await expect(page.getByTestId('cmp-totals')).toContainText('7 → 17');

    // The differential flame graph is the default pane: drawn, with growth-coloured cells.
    const flame = page.getByTestId('flame-diff');
    await expect(flame).toBeVisible();
    await expect(page.getByTestId('flame-legend')).toContainText('more in B');
    await expect.poll(async () => (await canvasInk(page, 'flame-diff')).ink).toBeGreaterThan(1000);
    expect((await canvasInk(page, 'flame-diff')).grow).toBeGreaterThan(100);
    // Hover the leak's cell: second row, the middle (it is 20 of the 24 goroutines of A + B).
    const box = (await flame.locator('canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 30);
    await expect(page.getByTestId('flame-tooltip')).toContainText('main.subscribe.func1');
    await expect(page.getByTestId('flame-tooltip')).toContainText('+10');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: resolve(artifacts, 'compare-flame.png') });

    // Selecting a row shows both stacks side by side.
    await rows.first().click();
    await expect(page.getByTestId('stack-a')).toContainText('main.subscribe.func1');
    await expect(page.getByTestId('stack-b')).toContainText('main.subscribe.func1');
    await expect(page.getByTestId('stack-a')).toContainText('5 goroutines');
    await expect(page.getByTestId('stack-b')).toContainText('15 goroutines');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: resolve(artifacts, 'compare-stacks.png') });

    // Function matching and filtering keep the leak row; a search for a missing name empties the table.
    await page.getByRole('radio', { name: 'Function' }).click();
    await expect(rows.first()).toContainText('main.subscribe.func1');
    await page.getByLabel('Filter groups').fill('no-such-function');
    await expect(page.getByText('No groups match the filter.')).toBeVisible();
    await page.getByLabel('Filter groups').fill('');

    // A third snapshot: the series flags the group that grows in every interval.
    await addSnapshots(page, [snap(2)]);
    await expect(page.getByTestId('cmp-suspects')).toContainText('Growing in every interval (1)');
    await page.getByRole('tab', { name: 'Series' }).click();
    await expect(page.getByTestId('series-chart')).toBeVisible();
    await expect(page.getByTestId('series-suspect')).toContainText('grows every interval');
    await expect(page.getByTestId('series-chart')).toContainText('5 → 10 → 15');
    await page.screenshot({ path: resolve(artifacts, 'compare-series.png') });

    // Dark theme: the flame graph repaints with the dark palette when the OS theme flips.
    await page.getByRole('tab', { name: 'Differential flame graph' }).click();
    const pixels = () => page.getByTestId('flame-diff').locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const before = await pixels();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(pixels).not.toBe(before);
    await page.screenshot({ path: resolve(artifacts, 'compare-flame-dark.png') });
    // The test's own getImageData readbacks draw Chromium's willReadFrequently hint; nothing else may.
    expect(errors.filter((e) => !e.includes('willReadFrequently'))).toEqual([]);
  });

  // Issue 18: a goroutineleak profile added as a fourth "snapshot" marked main.main and the tracer
  // vanished, dropped the total and flipped the headline. It is evidence: out of the series, proving.
  test('a goroutineleak profile after three snapshots is evidence, not a snapshot', async ({ page }) => {
    const leakProfile = resolve(fixtures, version, 'growing-leak', 'goroutineleak.pb.gz');
    test.skip(!existsSync(leakProfile), `no goroutineleak profile for ${version}/growing-leak (written by Go 1.26+ only)`);
    const errors = collectErrors(page);
    await page.goto(serveUrl());
    await page.getByTestId('open-compare').or(page.getByRole('tab', { name: '⇄ Compare' })).click();
    await page.getByRole('button', { name: 'Clear' }).click({ timeout: 2000 }).catch(() => {});
    await addSnapshots(page, [snap(1), snap(2), snap(3)]);
    await expect(page.getByTestId('cmp-suspects')).toContainText('Growing in every interval (1)');
    const totals = await page.getByTestId('cmp-totals').textContent();
    await addSnapshots(page, [leakProfile]);
    await expect(page.getByTestId('cmp-evidence-note')).toContainText('goroutineleak.pb.gz is a goroutineleak profile: evidence, not a snapshot');
    await expect(page.getByTestId('cmp-evidence-note')).toContainText(/It proves 1 group \(\d+ goroutines\) leaked/);
    // The exact wrong output of the issue is absent.
    await expect(page.getByTestId('cmp-suspects')).not.toContainText('No group grew in every interval');
    await expect(page.getByTestId('cmp-suspects')).toContainText('Growing in every interval (1)');
    await expect(page.getByTestId('cmp-totals')).toHaveText(totals!);
    await expect(page.getByTestId('cmp-row').filter({ hasText: 'main.main' }).first()).not.toContainText('vanished');
    await expect(page.getByTestId('cmp-row').filter({ hasText: 'vanished' })).toHaveCount(0);
    await expect(page.getByTestId('cmp-row').first()).toContainText('main.subscribe.func1');
    await expect(page.getByTestId('cmp-row').first().getByTestId('cmp-proven')).toBeVisible();
    await expect(page.getByTestId('cmp-slot').filter({ hasText: 'goroutineleak.pb.gz' })).toContainText('evidence');
    await page.screenshot({ path: resolve(artifacts, 'compare-evidence.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    // At 1024 px the Growth column stays on screen.
    const growth = page.getByRole('columnheader', { name: 'Growth' });
    await expect(growth).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: resolve(artifacts, 'compare-evidence-1024-dark.png') });
    // With only the evidence left there is no series: its own flame graph, not a blank page.
    for (const n of [1, 2, 3]) await page.getByRole('button', { name: `Remove goroutine-${n}.pb.gz` }).click();
    await expect(page.getByTestId('flame')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('a single heap profile: its flame graph with a sample-type picker', async ({ page }) => {
    const heap = readdirSync(fixtures)
      .map((v) => resolve(fixtures, v, 'http-handler-leak/heap.pb.gz'))
      .filter(existsSync)
      .pop()!;
    await page.goto(serveUrl());
    // The server keeps the previous test's documents open: then the tab bar has the entry.
    await page.getByTestId('open-compare').or(page.getByRole('tab', { name: '⇄ Compare' })).click();
    await page.getByRole('button', { name: 'Clear' }).click({ timeout: 2000 }).catch(() => {});
    await addSnapshots(page, [heap]);
    await expect(page.getByTestId('flame')).toBeVisible();
    await expect(page.getByLabel('Sample type')).toBeVisible();
    await expect.poll(async () => (await canvasInk(page, 'flame')).ink).toBeGreaterThan(1000);
    await page.screenshot({ path: resolve(artifacts, 'flame-heap.png') });
  });

  test('a goroutine profile opened on its own: its flame graph, and the way into comparing', async ({ page }) => {
    await page.goto(serveUrl());
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^Open…|^\+$|Open another file/ }).first().click();
    await (await chooser).setFiles(snap(3));
    await expect(page.getByTestId('flame')).toBeVisible({ timeout: 20_000 });
    await expect.poll(async () => (await canvasInk(page, 'flame')).ink).toBeGreaterThan(1000);
    await page.screenshot({ path: resolve(artifacts, 'profile-flame.png') });
    await page.getByRole('button', { name: '⇄ Compare with other snapshots…' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'goroutine-3.pb.gz' }).first()).toBeVisible();
  });

  test("a profile against a trace's end state: the leak group has the same count in both", async ({ page }) => {
    const dir = resolve(fixtures, version, 'growing-leak');
    await page.goto(serveUrl());
    await page.getByTestId('open-compare').or(page.getByRole('tab', { name: '⇄ Compare' })).click();
    await page.getByRole('button', { name: 'Clear' }).click({ timeout: 2000 }).catch(() => {});
    await addSnapshots(page, [resolve(dir, 'goroutine.debug2.txt'), resolve(dir, 'trace.out')]);
    const leak = page.getByTestId('cmp-row').filter({ hasText: 'main.subscribe.func1' });
    await expect(leak).toContainText('same', { timeout: 20_000 });
    await expect(leak).toContainText('chan receive');
    // The count is the corpus's ground truth (truth.json, written by the scenario's Go program).
    const truth = JSON.parse(readFileSync(resolve(dir, 'truth.json'), 'utf8')) as { leaks: { count: number }[] };
    const count = String(truth.leaks[0].count);
    await expect(leak.locator('[role=cell].num').nth(1)).toHaveText(count);
    await expect(leak.locator('[role=cell].num').nth(2)).toHaveText(count);
  });
});
