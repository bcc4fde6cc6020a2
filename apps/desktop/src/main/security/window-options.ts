import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * The one place the window's security switches are set, so a test can assert them without
 * Electron. Each switch is the hardened value from Electron's security checklist:
 * the renderer has no Node, runs in Chromium's sandbox, sees the preload's world only through
 * `contextBridge`, and keeps the same-origin policy.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // The window-opening guard denies everything; this only keeps `window.open` from the
    // devtools console equally inert.
    javascript: true,
    disableBlinkFeatures: 'Auxclick',
  };
}

export interface WindowBounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

/** Smallest useful window, in device-independent pixels. */
export const MIN_WINDOW_WIDTH = 760;
export const MIN_WINDOW_HEIGHT = 480;

/** The complete constructor options of the main window. `show: false` until ready-to-show. */
export function mainWindowOptions(
  preloadPath: string,
  bounds: WindowBounds,
  icon?: string,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    show: false,
    title: 'PanDesk',
    backgroundColor: '#1f2430',
    ...(icon === undefined ? {} : { icon }),
    webPreferences: secureWebPreferences(preloadPath),
  };
}
