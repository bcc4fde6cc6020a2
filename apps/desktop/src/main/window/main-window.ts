import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from '../app-url';
import { mainWindowOptions } from '../security/window-options';
import { captureState, restoreBounds } from './window-state';
import type { WindowState } from './window-state';

/**
 * Creates the one main window (navigation guards are attached app-wide in the entry): hardened
 * options, bounds restored from the store (moved back on screen if its monitor is gone),
 * maximised again if it was, and the state saved when it closes. Shown only once the first
 * paint is ready, so no white flash.
 */

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly iconPath?: string;
  readonly savedState: WindowState | undefined;
  readonly saveState: (state: WindowState) => void;
  /** Told when the page fails to load (the promise of `loadURL`). */
  readonly onLoadFailed: (error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const bounds = restoreBounds(options.savedState, workAreas);
  // electronegativity cannot see options built by a function and reports them as missing. They
  // are set in secureWebPreferences() (contextIsolation and sandbox true, Auxclick disabled) and
  // asserted by window-options.test.ts.
  const prefs = mainWindowOptions(options.preloadPath, bounds, options.iconPath);
  const win = new BrowserWindow(prefs); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  // Maximising a window that was never shown paints it blank on some platforms: do it with the
  // first paint ready, just before showing.
  win.once('ready-to-show', () => {
    if (options.savedState?.maximized === true) win.maximize();
    win.show();
  });
  let last = options.savedState;
  const remember = (): void => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    last = captureState(win.getNormalBounds(), win.isMaximized(), last);
  };
  win.on('resize', remember);
  win.on('move', remember);
  win.on('maximize', remember);
  win.on('unmaximize', remember);
  win.on('close', () => {
    remember();
    if (last !== undefined) options.saveState(last);
  });
  win.loadURL(APP_ENTRY_URL).catch(options.onLoadFailed);
  return win;
}
