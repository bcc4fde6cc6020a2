import { observeElementRect } from '@tanstack/react-virtual';

/** Height assumed for a scroll area not laid out yet (hidden, or a DOM without layout). */
export const FALLBACK_VIEWPORT_HEIGHT = 600;

/**
 * `observeElementRect` that never reports a zero height: before layout (or in a DOM without
 * layout) a zero-height viewport would render no rows at all; a typical window height renders
 * a bounded first screen instead, corrected as soon as the real size is observed.
 */
export const observeRectWithFallback: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) =>
    cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEWPORT_HEIGHT }),
  );
