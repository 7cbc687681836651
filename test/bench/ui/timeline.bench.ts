// Frame times while panning, zooming and scrolling the timeline on the biggest traces we have:
// the 200 MB generated traces (npm run fixtures:big) and a 100k-goroutine trace (generated here
// by gen-goroutines when missing). Each phase injects one input event per animation frame from
// inside the page, then reports two clocks the browser keeps itself:
//   - draw: time spent in the timeline's frame callback (FrameScheduler, performance.now());
//   - frame: the interval between requestAnimationFrame callbacks (what a user sees as jank).
// Results go to stdout and test/artifacts/bench-ui.json. Target: p95 draw and frame < 16 ms.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const big = path.join(root, 'test/fixtures-big');

function hundredK(): string {
  const file = path.join(big, 'goroutines-100k/trace.out');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('go', ['-C', path.join(root, 'test/bench/ui/gen-goroutines'), 'run', '.', '-n', '100000', '-o', file], { stdio: 'inherit' });
  }
  return file;
}

function largestGenerated(): string | null {
  if (process.env.LEAKLINE_BENCH_TRACE) return path.resolve(process.env.LEAKLINE_BENCH_TRACE);
  for (const name of ['fanout-200mb', 'http-200mb', 'fanout-50mb', 'http-50mb']) {
    const f = path.join(big, name, 'trace.out');
    if (existsSync(f)) return f;
  }
  return null;
}

interface Stats {
  n: number;
  median: number;
  p95: number;
  max: number;
}
const stats = (xs: number[]): Stats => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? NaN;
  const r = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, median: r(q(0.5)), p95: r(q(0.95)), max: r(s[s.length - 1] ?? NaN) };
};

type Phase = 'zoom-in' | 'pan' | 'zoom-out' | 'scroll-rows' | 'hover';

/** Runs `frames` frames of one input kind inside the page; returns rAF deltas and draw times. */
async function drive(page: Page, phase: Phase, frames: number): Promise<{ frame: number[]; draw: number[] }> {
  return page.evaluate(
    async ({ phase, frames }) => {
      const sched = (window as unknown as { __leaklineScheduler: { frames: number; drawTimes: Float64Array } }).__leaklineScheduler;
      const scroll = document.querySelector('[data-testid=rows-scroll]') as HTMLElement;
      const rect = scroll.getBoundingClientRect();
      const cx = rect.left + 300 + (rect.width - 300) * 0.5;
      const cy = rect.top + rect.height * 0.5;
      const startFrames = sched.frames;
      const deltas: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        let i = 0;
        const tick = (t: number) => {
          if (i > 0) deltas.push(t - last);
          last = t;
          if (i++ >= frames) return resolve();
          const k = i;
          if (phase === 'zoom-in' || phase === 'zoom-out')
            scroll.dispatchEvent(new WheelEvent('wheel', { deltaY: phase === 'zoom-in' ? -40 : 40, ctrlKey: true, clientX: cx + Math.sin(k / 9) * 200, clientY: cy, bubbles: true, cancelable: true }));
          else if (phase === 'pan') scroll.dispatchEvent(new WheelEvent('wheel', { deltaY: k % 120 < 60 ? 35 : -35, shiftKey: true, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
          else if (phase === 'scroll-rows') scroll.scrollTop += k % 120 < 60 ? 240 : -240;
          else scroll.dispatchEvent(new PointerEvent('pointermove', { clientX: cx + Math.sin(k / 7) * 400, clientY: cy + Math.cos(k / 11) * 300, bubbles: true }));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const n = Math.min(sched.frames - startFrames, sched.drawTimes.length);
      const draw: number[] = [];
      for (let j = sched.frames - n; j < sched.frames; j++) draw.push(sched.drawTimes[j % sched.drawTimes.length]);
      return { frame: deltas, draw };
    },
    { phase, frames },
  );
}

async function open(page: Page, file: string, name: string): Promise<number> {
  await page.goto(`/?token=${process.env.LEAKLINE_TOKEN ?? ''}`);
  await expect(page.getByText('browser mode')).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  const t0 = Date.now();
  // Playwright caps in-memory buffers at 50 MB: big files go by path (the tab then says trace.out).
  const size = statSync(file).size;
  await (await chooser).setFiles(size < 45e6 ? { name, mimeType: 'application/octet-stream', buffer: readFileSync(file) } : file);
  // Navigation is measured on the loaded document, not while chunks are still streaming in.
  await expect(page.getByTestId('document-view')).toHaveAttribute('data-status', 'done', { timeout: 20 * 60_000 });
  const loaded = Date.now() - t0;
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 5 * 60_000 });
  return loaded;
}

const results: Record<string, unknown> = {};

async function benchTrace(page: Page, label: string, file: string, groupBy?: string) {
  const loadMs = await open(page, file, `${label}.trace`);
  const goroutines = await page.getByTestId('matched').textContent();
  if (groupBy) {
    await page.getByTestId('group-by').selectOption(groupBy);
    await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true');
  }
  const out: Record<string, unknown> = { file: path.relative(root, file), sizeMB: Math.round(statSync(file).size / 1e5) / 10, goroutines, loadMs };
  for (const [phase, frames] of [
    ['zoom-in', 150],
    ['pan', 240],
    ['zoom-out', 150],
    ['scroll-rows', 240],
    ['hover', 120],
  ] as const) {
    const r = await drive(page, phase, frames);
    out[phase] = { frame: stats(r.frame), draw: stats(r.draw) };
  }
  results[label + (groupBy ? `-grouped-${groupBy}` : '')] = out;
  console.log(`\n${label}${groupBy ? ` (grouped by ${groupBy})` : ''}: ${out.sizeMB} MB, ${goroutines}, opened in ${(loadMs / 1000).toFixed(1)} s`);
  console.log('phase        frame median/p95/max (ms)   draw median/p95/max (ms)');
  for (const phase of ['zoom-in', 'pan', 'zoom-out', 'scroll-rows', 'hover']) {
    const p = out[phase] as { frame: Stats; draw: Stats };
    console.log(`${phase.padEnd(12)} ${`${p.frame.median} / ${p.frame.p95} / ${p.frame.max}`.padEnd(27)} ${p.draw.median} / ${p.draw.p95} / ${p.draw.max}  (${p.draw.n} draws)`);
  }
}

test.afterAll(() => {
  mkdirSync(path.join(root, 'test/artifacts'), { recursive: true });
  writeFileSync(path.join(root, 'test/artifacts/bench-ui.json'), JSON.stringify(results, null, 2));
});

test('100k goroutines', async ({ page }) => {
  await benchTrace(page, 'goroutines-100k', hundredK());
});

test('100k goroutines, grouped by start function', async ({ page }) => {
  await benchTrace(page, 'goroutines-100k', hundredK(), 'start');
});

test('largest generated trace', async ({ page }) => {
  const file = largestGenerated();
  if (!file) {
    console.log('No generated big trace in test/fixtures-big: run `npm run fixtures:big` first; this measurement did not run.');
    return;
  }
  await benchTrace(page, path.basename(path.dirname(file)), file);
});
