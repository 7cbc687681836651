import { describe, expect, it } from 'vitest';
import { buildWindowOptions, WINDOW_BACKGROUND } from '../../main/app/window-options';

describe('buildWindowOptions', () => {
  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    for (const dark of [false, true]) {
      it(`locks down webPreferences on ${platform} (${dark ? 'dark' : 'light'})`, () => {
        const o = buildWindowOptions({ preloadPath: '/app/out/preload/index.cjs', dark, platform });
        expect(o.webPreferences).toMatchObject({
          preload: '/app/out/preload/index.cjs',
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          navigateOnDragDrop: false,
        });
        expect(o.show).toBe(false);
        expect(o.backgroundColor).toBe(dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light);
      });
    }
  }

  it('matches the renderer stylesheet background colours', async () => {
    const { readFile } = await import('node:fs/promises');
    const css = await readFile(new URL('../../renderer/src/styles.css', import.meta.url), 'utf8');
    const [light, dark] = [...css.matchAll(/--bg: (#[0-9a-f]{6});/g)].map((m) => m[1]);
    expect({ light, dark }).toEqual(WINDOW_BACKGROUND);
  });
});
