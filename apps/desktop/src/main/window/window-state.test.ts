import { describe, expect, it } from 'vitest';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, captureState, restoreBounds } from './window-state';
import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../security/window-options';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('centres a first window on the primary screen', () => {
    expect(restoreBounds(undefined, [primary, right])).toEqual({
      x: (1920 - DEFAULT_WIDTH) / 2,
      y: (1040 - DEFAULT_HEIGHT) / 2,
      width: DEFAULT_WIDTH,
      height: DEFAULT_HEIGHT,
    });
  });

  it('keeps a saved window where it was when its title bar is on a screen', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(restoreBounds(saved, [primary, right])).toEqual(saved.bounds);
  });

  it('brings back a window left on a monitor that is gone, centred on the primary and shrunk to fit', () => {
    const saved = { bounds: { x: 2100, y: 100, width: 2400, height: 1300 }, maximized: false };
    expect(restoreBounds(saved, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('brings back a window whose title bar is above the screen', () => {
    const saved = { bounds: { x: 100, y: -600, width: 900, height: 620 }, maximized: false };
    const out = restoreBounds(saved, [primary]);
    expect(out).toEqual({ x: 510, y: 210, width: 900, height: 620 });
  });

  it('never goes below the minimum size and ignores corrupt numbers', () => {
    const tiny = restoreBounds({ bounds: { x: 10, y: 10, width: 50, height: 20 }, maximized: false }, [
      primary,
    ]);
    expect(tiny.width).toBe(MIN_WINDOW_WIDTH);
    expect(tiny.height).toBe(MIN_WINDOW_HEIGHT);
    const corrupt = restoreBounds(
      { bounds: { x: Number.NaN, y: 0, width: 800, height: 600 }, maximized: false },
      [primary],
    );
    expect(corrupt.width).toBe(DEFAULT_WIDTH);
  });

  it('works without any display information', () => {
    const out = restoreBounds(undefined, []);
    expect(out.width).toBe(DEFAULT_WIDTH);
  });

  it('keeps the normal bounds while maximised', () => {
    const normal = { bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: false };
    expect(captureState({ x: 0, y: 0, width: 1920, height: 1040 }, true, normal)).toEqual({
      bounds: normal.bounds,
      maximized: true,
    });
    expect(captureState({ x: 1, y: 2, width: 800, height: 600 }, false, normal)).toEqual({
      bounds: { x: 1, y: 2, width: 800, height: 600 },
      maximized: false,
    });
  });
});
