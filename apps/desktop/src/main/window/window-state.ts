import { MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../security/window-options';

/**
 * Remembering the window between runs, as pure math over rectangles so it is tested without
 * Electron. All values are device-independent pixels in the virtual screen's coordinates.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What is saved in the store. `bounds` are the normal (not maximised) bounds. */
export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** The size of a first window, before anything was saved. */
export const DEFAULT_WIDTH = 1200;
export const DEFAULT_HEIGHT = 780;
/** How much of the title bar area must stay on a screen for the window to count as reachable. */
const MIN_VISIBLE = 80;

export function intersect(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/** Centres a window of the given size in a work area. */
function centred(width: number, height: number, workArea: Rect): Rect {
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + (workArea.height - height) / 2),
    width,
    height,
  };
}

/** Shrinks a size to fit a work area, never below the window's minimum. */
function fitSize(width: number, height: number, workArea: Rect): { width: number; height: number } {
  return {
    width: Math.max(MIN_WINDOW_WIDTH, Math.min(Math.round(width), workArea.width)),
    height: Math.max(MIN_WINDOW_HEIGHT, Math.min(Math.round(height), workArea.height)),
  };
}

function isFiniteRect(r: Rect): boolean {
  return [r.x, r.y, r.width, r.height].every((n) => Number.isFinite(n)) && r.width > 0 && r.height > 0;
}

/**
 * The bounds to open the window with. A saved window is kept where it was when its top strip
 * (the title bar) is still on one of the current screens; otherwise (monitor unplugged,
 * resolution changed, corrupt values) it is centred on the primary screen at its saved size,
 * shrunk to fit.
 *
 * @param workAreas the work areas of the current displays; the first is the primary.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: readonly Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT };
  if (saved === undefined || !isFiniteRect(saved.bounds)) {
    const size = fitSize(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary);
    return centred(size.width, size.height, primary);
  }
  const b = saved.bounds;
  const titleStrip: Rect = { x: b.x, y: b.y, width: b.width, height: Math.min(b.height, 40) };
  const home = workAreas.find((wa) => {
    const seen = intersect(titleStrip, wa);
    return seen.width >= Math.min(MIN_VISIBLE, b.width) && seen.height > 0;
  });
  if (home === undefined) {
    const size = fitSize(b.width, b.height, primary);
    return centred(size.width, size.height, primary);
  }
  const size = fitSize(b.width, b.height, home);
  return { x: Math.round(b.x), y: Math.round(b.y), ...size };
}

/**
 * The state to save. While maximised (or full screen) Electron reports the maximised bounds;
 * the last normal bounds are kept instead so un-maximising next time restores the old size.
 */
export function captureState(
  current: Rect,
  maximized: boolean,
  previous: WindowState | undefined,
): WindowState {
  if (maximized && previous !== undefined) return { bounds: previous.bounds, maximized: true };
  return { bounds: { ...current }, maximized };
}
