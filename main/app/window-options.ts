import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the built preload script (out/preload/index.cjs). */
  preloadPath: string;
  /** nativeTheme.shouldUseDarkColors at creation, so the first paint matches the page. */
  dark: boolean;
  platform: NodeJS.Platform;
}

/** Background colours of renderer/src/styles.css (--bg), shown before the page paints. */
export const WINDOW_BACKGROUND = { dark: '#15171c', light: '#f7f7f8' } as const;

/**
 * Options of every Leakline window. Security-relevant preferences are spelled out even where
 * they equal Electron's defaults, so a default changing upstream cannot weaken them silently.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Leakline',
    show: false,
    backgroundColor: input.dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    // macOS draws the title bar; elsewhere the app menu lives in the window frame.
    autoHideMenuBar: false,
    ...(input.platform === 'darwin' ? { titleBarStyle: 'default' as const } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
