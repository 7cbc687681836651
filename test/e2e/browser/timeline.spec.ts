// The timeline in browser mode on the fixture corpus (real Go 1.26 programs, test/goprograms).
// Expected leaks come from each scenario's truth.json, which the fixture program wrote from the
// runtime's own view (goroutine ids it leaked on purpose), not from Leakline's analysis.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fixture, openTrace, repoRoot, visibleRange, waitIdle } from './timeline-helpers';

const LEAK_SCENARIOS = ['fanout-no-fanin', 'growing-leak', 'nil-chan-send', 'waitgroup-missing-done', 'mutex-error-path', 'chan-recv-no-sender'];

test.use({ viewport: { width: 1440, height: 900 } });
// Parsing and drawing on a 2-core machine shared with other jobs can take a while: no flaky timeouts.
test.describe.configure({ timeout: 120_000 });

for (const scenario of LEAK_SCENARIOS) {
  test(`${scenario}: leaking goroutines are marked and come first under "suspects only"`, async ({ page }) => {
    const { trace, truth } = fixture(scenario);
    const leakIds = truth.leaks.flatMap((l) => l.ids).sort((a, b) => a - b);
    expect(leakIds.length).toBeGreaterThan(0);
    await openTrace(page, trace);
    await expect(page).toHaveTitle(`${scenario}.trace — Leakline`);
    await page.getByTestId('suspects-only').click();
    await waitIdle(page);
    const headers = page.getByTestId('goroutine-row');
    const firstIds = (await headers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-goroutine'))))).slice(0, leakIds.length);
    expect([...firstIds].sort((a, b) => a - b)).toEqual(leakIds);
    for (const id of leakIds) {
      const h = page.locator(`[data-testid=goroutine-row][data-goroutine="${id}"]`);
      await expect(h).toHaveAttribute('data-leak', /^(proven|high|medium|low)$/);
      await expect(h.locator('.tv-leak-icon')).toHaveCount(1);
    }
    // Selecting the first one shows where it blocks: the leaking function on its blocking stack.
    await headers.first().click();
    const details = page.getByTestId('details');
    await expect(details.getByTestId('details-id')).toHaveText(String(firstIds[0]));
    const leak = truth.leaks.find((l) => l.ids.includes(firstIds[0]))!;
    await expect(details.getByTestId('blocking-stack')).toContainText(leak.blockedIn);
    await expect(details.getByTestId('verdict')).toBeVisible();
    await expect(details.getByTestId('blocked-since')).toBeVisible();
  });
}

test('healthy-worker-pool: nothing is suspected', async ({ page }) => {
  const { trace, truth } = fixture('healthy-worker-pool');
  expect(truth.leaks).toEqual([]);
  await openTrace(page, trace);
  await page.getByTestId('suspects-only').click();
  await waitIdle(page);
  await expect(page.getByTestId('goroutine-row')).toHaveCount(0);
  await expect(page.getByText('No goroutine matches these filters.')).toBeVisible();
});

test('keyboard zoom and pan change the visible range; 0 fits; undo and redo navigate back', async ({ page }) => {
  const { trace } = fixture('growing-leak');
  await openTrace(page, trace);
  const fit = await visibleRange(page);
  expect(fit.start).toBe(0);
  // The canvas does not take pointer events (the scroller under it does): move the mouse there.
  const c = (await page.getByTestId('rows-canvas').boundingBox())!;
  await page.mouse.move(c.x + 300, c.y + 40);
  await page.keyboard.press('w');
  const z1 = await visibleRange(page);
  expect(z1.end - z1.start).toBeLessThan((fit.end - fit.start) / 1.4);
  await page.keyboard.press('w');
  await page.keyboard.press('w');
  const z3 = await visibleRange(page);
  const width = z3.end - z3.start;
  expect(width).toBeLessThan((fit.end - fit.start) / 3);
  await page.keyboard.press('d');
  const panned = await visibleRange(page);
  expect(panned.start).toBeGreaterThan(z3.start);
  expect(panned.end - panned.start).toBeCloseTo(width, -1);
  await page.keyboard.press('a');
  await page.keyboard.press('a');
  const back = await visibleRange(page);
  expect(back.start).toBeLessThan(panned.start);
  await page.keyboard.press('s');
  const out = await visibleRange(page);
  expect(out.end - out.start).toBeGreaterThan(width);
  await page.keyboard.press('0');
  expect(await visibleRange(page)).toEqual(fit);
  await page.keyboard.press('Control+z');
  expect(await visibleRange(page)).toEqual(out);
  await page.keyboard.press('Control+Shift+z');
  expect(await visibleRange(page)).toEqual(fit);
  // `?` lists the shortcuts.
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts')).toContainText('Zoom in / out at the cursor');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts')).toHaveCount(0);
});

test('drag on the axis selects a range and zooms to it', async ({ page }) => {
  const { trace } = fixture('fanout-no-fanin');
  await openTrace(page, trace);
  const fit = await visibleRange(page);
  const box = (await page.getByTestId('tracks-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + 10, { steps: 5 });
  await page.mouse.up();
  const r = await visibleRange(page);
  const span = fit.end - fit.start;
  expect(r.start).toBeGreaterThan(fit.start + span * 0.2);
  expect(r.end).toBeLessThan(fit.start + span * 0.55);
});

test('search by function and by id, and grouping by start function with counts', async ({ page }) => {
  const { trace, truth } = fixture('growing-leak');
  await openTrace(page, trace);
  const fn = truth.leaks[0].startFunc;
  await page.getByTestId('search').fill(fn.split('.').slice(-2).join('.'));
  await expect(page.getByTestId('matched')).toHaveText(new RegExp(`^${truth.leaks[0].ids.length} of `));
  await page.getByTestId('search').fill(`#${truth.leaks[0].ids[0]}`);
  await expect(page.getByTestId('goroutine-row')).toHaveCount(1);
  await page.getByTestId('search').fill('');
  await page.getByTestId('group-by').selectOption('start');
  const group = page.getByTestId('group-header').filter({ hasText: fn.split('/').pop()! });
  await expect(group).toContainText(String(truth.leaks[0].ids.length));
  // Suspected groups come first.
  await expect(page.getByTestId('group-header').first()).toContainText('suspect');
});

for (const scheme of ['light', 'dark'] as const) {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    test(`screenshot ${scheme} ${w}x${h}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: w, height: h });
      const { trace, truth } = fixture('growing-leak');
      await openTrace(page, trace);
      await page.locator(`[data-testid=goroutine-row][data-goroutine="${truth.leaks[0].ids[0]}"]`).click();
      await page.mouse.move(0, 0);
      await waitIdle(page);
      await page.screenshot({ path: path.join(repoRoot, `test/artifacts/screenshots/timeline-${scheme}-${w}x${h}.png`) });
      // The view itself: the tab bar and the file strip (a temporary upload path) belong to others.
      // Baselines sit beside this file (timeline.spec.ts-snapshots/); 2 % of pixels may differ
      // (font hinting and anti-aliasing across machines), a layout or colour change is far more.
      await expect(page.getByTestId('trace-view')).toHaveScreenshot(`timeline-${scheme}-${w}x${h}.png`, { maxDiffPixelRatio: 0.02, animations: 'disabled' });
    });
  }
}
