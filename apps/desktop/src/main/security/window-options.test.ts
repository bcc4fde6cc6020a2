import { describe, expect, it } from 'vitest';
import {
  MIN_WINDOW_HEIGHT,
  MIN_WINDOW_WIDTH,
  mainWindowOptions,
  secureWebPreferences,
} from './window-options';

describe('window security options', () => {
  it('isolates the renderer: sandbox, context isolation, no node, web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
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
    });
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('builds hidden-until-ready window options with the saved bounds and a minimum size', () => {
    const options = mainWindowOptions('/p.cjs', { x: 10, y: 20, width: 900, height: 600 }, '/icon.png');
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 600, show: false, icon: '/icon.png' });
    expect(options.minWidth).toBe(MIN_WINDOW_WIDTH);
    expect(options.minHeight).toBe(MIN_WINDOW_HEIGHT);
    expect(options.webPreferences?.sandbox).toBe(true);
    expect('icon' in mainWindowOptions('/p.cjs', { width: 900, height: 600 })).toBe(false);
  });
});
