// Issue 18, the walk of a new user: each finding as a regression test on the fixture corpus, with
// the exact wrong output asserted absent. Screenshots at 1440×900 and 1024×700, light and dark, go
// to test/artifacts/findings-*.png (look at them after a UI change).
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, collectErrors, root, serveOrigin, serveUrl } from '../support';
import { corpus } from '../../support/corpus';

const FIX = resolve(root, 'test/fixtures/go1.26');

test.use({ viewport: { width: 1440, height: 900 } });

test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

/** Uploads files through Open… (the page's own picker), as a user of `leakline serve` does. */
async function upload(page: Page, files: string | string[], waitFor: 'trace' | 'document' = 'trace'): Promise<void> {
  await expect(page.getByText('browser mode')).toBeVisible();
  await chooseFiles(page, () => page.keyboard.press('Control+o'), files);
  if (waitFor === 'trace') await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  else await expect(page.getByTestId('document-view').first()).toBeVisible({ timeout: 30_000 });
}

async function fresh(page: Page): Promise<void> {
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
}

/** Screenshots at 1440×900 and 1024×700, light and dark; a trace view is awaited idle first. */
async function shoot(page: Page, name: string, view: 'trace' | 'other' = 'trace'): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme: scheme });
      if (view === 'trace') await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true');
      await page.screenshot({ path: resolve(artifacts, `findings-${name}-${w}-${scheme}.png`) });
    }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('header: the file name and trace format, never the upload path or "Go 1.26"', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const strip = page.getByTestId('load-progress');
  await expect(strip).toContainText('trace.out');
  await expect(page.getByTestId('trace-format')).toHaveText('trace format 1.26 (Go 1.26+)');
  await expect(page.getByTestId('doc-path')).toHaveCount(0);
  expect(await strip.textContent()).not.toMatch(/upload|\/tmp\/|leakline-/i);
  // A finished load shows no progress bar ("Loaded · 100%").
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText(/Loaded · 100%/)).toHaveCount(0);
});

test('a finished profile keeps no "Loaded · 100%" bar', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'goroutineleak.pb.gz'), 'document');
  await expect(page.getByTestId('document-view')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText(/Loaded · 100%/)).toHaveCount(0);
});

test('final-state menu: closes on outside click and Esc, filters alive or exited', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const button = page.getByTestId('state-filter');
  const menu = page.getByTestId('state-menu');
  await button.click();
  await expect(menu).toBeVisible();
  // The pointer leaving the menu no longer closes it.
  await page.mouse.move(5, 880);
  await expect(menu).toBeVisible();
  // A click anywhere else (here the status bar at the bottom) closes it.
  await page.mouse.click(700, 890);
  await expect(menu).toBeHidden();
  await button.click();
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  const rows = page.getByTestId('goroutine-row');
  await button.click();
  await page.getByTestId('life-exited').check();
  await expect(button).toContainText('Exited');
  await expect(rows.first()).toBeVisible();
  for (const r of await rows.all()) await expect(r).toContainText('exited');
  await page.getByTestId('life-alive').check();
  await expect(button).toContainText('Alive');
  await expect(rows.first()).toBeVisible();
  for (const r of await rows.all()) await expect(r).not.toContainText('exited');
  await page.keyboard.press('Escape');
});

test('panels: the empty details panel is a strip; both panels resize, collapse and remember it', async ({ page }) => {
  await fresh(page);
  await page.evaluate(() => localStorage.clear());
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const details = page.getByTestId('panel-details');
  await expect(details).toHaveAttribute('data-collapsed', 'true');
  expect((await details.boundingBox())!.width).toBeLessThan(40);
  await page.locator('[data-goroutine="11"]').click();
  await expect(details).toHaveAttribute('data-collapsed', 'false');
  const before = (await details.boundingBox())!.width;
  const handle = page.getByTestId('panel-details-handle');
  const hb = (await handle.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + 200);
  await page.mouse.down();
  await page.mouse.move(hb.x - 120, hb.y + 200, { steps: 5 });
  await page.mouse.up();
  const after = (await details.boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 100);
  // The suspects panel collapses to a strip from its ‹ button.
  await page.getByTestId('panel-suspects-collapse').click();
  await expect(page.getByTestId('panel-suspects')).toHaveAttribute('data-collapsed', 'true');
  // Remembered across a reload.
  await page.reload();
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('panel-suspects')).toHaveAttribute('data-collapsed', 'true');
  await page.locator('[data-goroutine="11"]').click();
  expect(Math.abs((await details.boundingBox())!.width - after)).toBeLessThan(2);
  // Keyboard: the handle takes focus (visibly) and ← widens a right-hand panel.
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  expect((await details.boundingBox())!.width).toBeGreaterThan(after + 10);
  await page.getByTestId('panel-suspects-expand').click();
  await expect(page.getByTestId('panel-suspects')).toHaveAttribute('data-collapsed', 'false');
  await page.evaluate(() => localStorage.clear());
});

test('row names are cut in the middle: readLoop and writeLoop stay apart, full name in the tooltip', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const names = await page.getByTestId('goroutine-row').evaluateAll((els) =>
    els.map((e) => {
      const fn = e.querySelector('.tv-rh-fn') as HTMLElement;
      const tail = e.querySelector('.tv-mid-tail') as HTMLElement;
      const a = fn.getBoundingClientRect();
      const t = tail.getBoundingClientRect();
      return { title: e.getAttribute('title') ?? '', tail: tail.textContent ?? '', tailShown: t.right <= a.right + 0.5 && t.width > 0 };
    }),
  );
  const loops = names.filter((n) => /persistConn\)\.(read|write)Loop$/.test(n.title));
  expect(loops.length).toBeGreaterThanOrEqual(2);
  for (const l of loops) {
    expect(l.tail).toMatch(/^(readLoop|writeLoop)$/);
    expect(l.tailShown).toBe(true);
  }
  for (const n of names) expect(n.title).toMatch(/^G\d+ \S+/);
});

test('state-change table: the Duration column is never clipped', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator('[data-goroutine="2"]').click();
  const table = page.getByTestId('state-table');
  await expect(table).toBeVisible();
  const wrap = (await table.locator('xpath=..').boundingBox())!;
  const header = (await table.getByRole('columnheader', { name: 'Duration' }).boundingBox())!;
  expect(header.x + header.width).toBeLessThanOrEqual(wrap.x + wrap.width + 0.5);
  const clipped = await table.locator('tbody tr td:last-child').evaluateAll((tds) => tds.filter((td) => td.scrollWidth > td.clientWidth + 1).length);
  expect(clipped).toBe(0);
});

test('counter tracks: the "max" labels sit beside the curves, not on them', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const canvas = (await page.getByTestId('tracks-canvas').boundingBox())!;
  for (const id of ['count-max', 'heap-max']) {
    const label = (await page.getByTestId(id).boundingBox())!;
    expect(label.x + label.width).toBeLessThanOrEqual(canvas.x);
  }
  await expect(page.getByTestId('count-max')).toHaveText(/^max \d+$/);
});

test('a healthy control: its low verdicts are collapsed ("parked, probably fine"), not suspect cards', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'healthy-long-lived', 'trace.out'));
  const panel = page.getByTestId('suspects-panel');
  await expect(panel.getByTestId('low-verdicts')).toContainText(/^\d+ low-confidence groups? \(parked, probably fine\)/);
  await expect(panel.getByTestId('suspect')).toHaveCount(0);
  await expect(panel.getByText('No goroutine is parked in a way that suggests a leak.')).toBeVisible();
  // Still reachable: open the list and pick one; it filters the timeline like a card.
  await panel.getByTestId('low-verdicts').locator('summary').click();
  await panel.getByTestId('low-verdict').first().click();
  await expect(panel.getByTestId('show-all')).toBeVisible();
  await shoot(page, 'healthy-low');
});

test('a trace cut in half: "partial" is said first, in the banner and the suspects panel', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'leakline-e2e-cut-'));
  const whole = readFileSync(corpus('leaks', 'go1.27', 'suite-watermill', 'gochannel', 'trace.out'));
  const half = join(dir, 'half.trace');
  writeFileSync(half, whole.subarray(0, whole.length >> 1));
  const errors = collectErrors(page);
  await fresh(page);
  await upload(page, half);
  await expect(page.getByTestId('partial-banner')).toContainText(/^Partial input: stopped at byte [\d,]+ because/);
  const panel = page.getByTestId('suspects-panel');
  const note = panel.getByTestId('suspects-partial');
  await expect(note).toContainText('Partial input:');
  const noteBox = (await note.boundingBox())!;
  const first = panel.getByTestId('suspect').or(panel.getByTestId('low-verdicts')).first();
  expect(noteBox.y).toBeLessThan((await first.boundingBox())!.y);
  // No card claims more than the part read.
  await expect(panel).not.toContainText('during the trace');
  await shoot(page, 'partial');
  expect(errors).toEqual([]);
});

test('an empty file is "empty", not "ends early"', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'leakline-e2e-empty-'));
  const empty = join(dir, 'empty.trace');
  writeFileSync(empty, '');
  await fresh(page);
  await upload(page, empty, 'document');
  const err = page.getByTestId('document-error');
  await expect(err).toContainText('empty.trace is empty (0 bytes)');
  await expect(err).not.toContainText('ends early');
});

test('a -trimpath source link offers path remapping, not "does not exist any more"', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator('[data-goroutine="11"]').click();
  // The fixture programs are built with module-relative paths (goprograms/…/main.go).
  await page.getByTestId('blocking-stack').getByRole('button', { name: /handleItem\.func1/ }).click();
  const note = page.getByTestId('missing-source');
  await expect(note).toContainText('-trimpath');
  await expect(page.getByText('That file does not exist any more.')).toHaveCount(0);
  await page.getByTestId('open-path-remapping').click();
  await expect(page.getByTestId('editor-settings')).toBeVisible();
  await page.getByTestId('editor-settings').getByRole('button', { name: 'Cancel' }).click();
  await shoot(page, 'details');
});

test('a goroutine and its group: time breakdown; a span: duration and who woke it', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator('[data-goroutine="11"]').click();
  const mine = page.getByTestId('breakdown-goroutine');
  await expect(mine.locator('tr').first()).toHaveAttribute('data-label', 'blocked: chan send');
  await expect(mine).toContainText('running');
  await expect(page.getByTestId('breakdown-group')).toContainText('blocked: chan send');
  // A wait that ended: its span names the goroutine that woke it, which is one click away.
  await page.locator('[data-goroutine="1"]').click();
  const rows = page.getByTestId('state-table').locator('tbody tr');
  const n = await rows.count();
  let found = false;
  for (let i = 0; i < Math.min(n, 60) && !found; i++) {
    await rows.nth(i).click();
    await expect(page.getByTestId('span-details')).toBeVisible();
    found = (await page.getByTestId('span-waker').count()) > 0;
  }
  expect(found).toBe(true);
  await expect(page.getByTestId('span-duration')).toHaveText(/\d/);
  await page.getByTestId('span-waker').getByRole('button').click();
  await expect(page.getByTestId('details-id')).not.toHaveText('1');
  await shoot(page, 'breakdown');
});

test('a profile: flame graph search, inverted (bottom-up) view and a flat/cum top table', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'goroutine.pb.gz'), 'document');
  await expect(page.getByTestId('flame')).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('flame-search').fill('handleItem');
  await expect(page.getByTestId('flame-search-result')).toContainText(/^\d+ cells? · /);
  await page.getByTestId('flame-view-inverted').click();
  await expect(page.getByTestId('flame')).toBeVisible();
  await page.getByTestId('flame-view-top').click();
  const top = page.getByTestId('flame-top');
  await expect(top).toBeVisible();
  await expect(top.getByTestId('flame-top-row').first()).toContainText('runtime.gopark');
  await top.getByRole('button', { name: /Cum/ }).click();
  await top.getByTestId('flame-top-row').filter({ hasText: 'main.handleItem.func1' }).click();
  await expect(page.getByTestId('flame-search')).toHaveValue('main.handleItem.func1');
  await page.getByTestId('flame-view-flame').click();
  await expect(page.getByTestId('flame-search-result')).toContainText('1 cell');
  await shoot(page, 'flame', 'other');
});

test('runtime goroutines hidden by default (R toggles); keyboard: rows, panels and focus that shows', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  const toggle = page.getByTestId('hide-runtime');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const names = () => page.getByTestId('goroutine-row').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
  for (const n of await names()) expect(n).not.toMatch(/^G\d+ (runtime\.(?!main$)|runtime\/trace\.|internal\/)/);
  await expect(page.getByTestId('matched')).toContainText(/\d+ of \d+/);
  await page.locator('body').press('r');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect((await names()).some((n) => /^G\d+ runtime\.bgsweep$/.test(n))).toBe(true);
  await page.locator('body').press('r');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Arrow keys walk the rows, Esc clears the selection.
  await page.locator('body').press('ArrowDown');
  await expect(page.getByTestId('details-id')).toHaveText('1');
  await page.locator('body').press('ArrowDown');
  await expect(page.getByTestId('details-id')).not.toHaveText('1');
  await page.locator('body').press('Escape');
  await expect(page.getByTestId('panel-details')).toHaveAttribute('data-collapsed', 'true');
  // Tab reaches the toolbar with a visible focus ring.
  await page.getByTestId('search').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThan(0);
  // Every mark the timeline draws is named in the legend.
  const marks = await page.getByTestId('legend').locator('[data-mark]').evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
  for (const m of ['hatch', 'hatch-plain', 'selected', 'gc', 'stw', 'end', 'leak-proven', 'leak-high', 'leak-medium', 'leak-low']) expect(marks).toContain(m);
  expect(marks.filter((m) => m?.startsWith('kind-')).length).toBeGreaterThanOrEqual(12);
});

test('statistics for a time range: the breakdown of the range on screen', async ({ page }) => {
  await fresh(page);
  await upload(page, join(FIX, 'http-handler-leak', 'trace.out'));
  await page.locator('[data-goroutine="11"]').click();
  const total = async () => (await page.getByTestId('breakdown-goroutine').locator('tr').allTextContents()).join('|');
  const whole = await total();
  await expect(page.getByTestId('breakdown-range')).toContainText('The whole trace');
  const c = (await page.getByTestId('rows-canvas').boundingBox())!;
  await page.mouse.move(c.x + 20, c.y + 20);
  for (let i = 0; i < 4; i++) await page.keyboard.press('w');
  await page.getByTestId('breakdown-visible').click();
  await expect(page.getByTestId('breakdown-range')).toContainText('(the range on screen)');
  await expect.poll(total).not.toBe(whole);
});
