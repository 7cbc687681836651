// Cancel means stop, in browser mode on the ~50 MB trace: a click on Cancel while the trace streams
// in stops the parse where it is (the engine checks a shared flag between batches of events), and
// the page then shows what was read as a consistent partial document: the partial banner, verdicts
// that say they come from a partial trace, Export enabled, and counter tracks computed from the
// goroutines and heap samples up to the cut (not the provisional rows' bogus maxima).
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { ensureBigTrace } from '../big-trace';
import { artifacts, collectErrors, startServe } from '../support';

test('Cancel during a 50 MB load stops the parse and shows a consistent partial document', async ({ page }) => {
  test.setTimeout(300_000);
  const big = ensureBigTrace();
  const errors = collectErrors(page);
  const server = await startServe([big.trace]);
  try {
    await page.goto(server.url);
    const view = page.getByTestId('document-view');
    // Cancel once a tenth of the file is read. The progress bar re-renders its button with every
    // chunk (Playwright's click sees it detached and retries until the load is over), so the click
    // is made in the page the moment the button is there, as a user's click lands.
    const clickedAt = await page.waitForFunction(
      () => {
        const pct = Number(document.querySelector('[data-testid="load-progress"]')?.getAttribute('data-percent') ?? 0);
        const button = document.querySelector<HTMLButtonElement>('button.load-cancel');
        if (!button || pct < 10) return false;
        button.click();
        return pct;
      },
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    expect(Number(await clickedAt.jsonValue())).toBeLessThan(100);

    // The load ends as a partial document, not an error.
    await expect(view).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const banner = page.getByTestId('partial-banner');
    await expect(banner).toContainText('cancelled');
    const stoppedAt = Number(/byte ([\d,]+)/.exec((await banner.textContent()) ?? '')?.[1].replace(/,/g, ''));
    expect(stoppedAt).toBeGreaterThan(0);
    expect(stoppedAt).toBeLessThan(big.bytes);

    // Verdicts were made from what was read, and say so; export works on them.
    await expect(page.getByTestId('suspects-partial').first()).toContainText('Partial input');
    await expect(page.getByTestId('export-open')).toBeEnabled();

    // Counter tracks from the partial model: the goroutine peak is a real one (the program runs
    // 67 goroutines at most), the heap track has samples.
    const tracks = page.getByTestId('tracks-canvas');
    await expect(tracks).toHaveAttribute('data-count-max', /^\d+$/);
    const countMax = Number(await tracks.getAttribute('data-count-max'));
    expect(countMax).toBeGreaterThan(0);
    expect(countMax).toBeLessThanOrEqual(67);
    expect(Number(await tracks.getAttribute('data-heap-max'))).toBeGreaterThan(0);
    await page.screenshot({ path: resolve(artifacts, 'engine-cancelled.png') });
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});
