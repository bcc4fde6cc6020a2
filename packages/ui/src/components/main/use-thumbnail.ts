import { useEffect, useState } from 'react';
import type { FileEntry, ThumbnailSize } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import type { ThumbnailState } from '../../lib/thumbnails/thumbnail-loader';

/**
 * A grid tile's thumbnail while the tile is rendered: asked when it appears (and only when the
 * `thumbnails` setting is on), cancelled when it goes (scrolled away, or the view changed).
 */
export function useThumbnail(entry: FileEntry, px: ThumbnailSize): ThumbnailState {
  const { thumbnails, session } = useApp();
  const enabled = useSlice(session, (s) => s.settings?.thumbnails === true);
  // Tiles refused while thumbnails were paused ask again once the pause ends.
  const paused = useSlice(thumbnails.status, (s) => s.paused !== null);
  const [state, setState] = useState<{ key: string; src: ThumbnailState } | null>(null);
  const key = `${entry.id}-${entry.md5 ?? ''}-${px}`;
  useEffect(() => {
    if (!enabled) return;
    return thumbnails.request(entry, px, (src) => setState({ key, src }));
    // `key` stands for the entry's identity and content (the entry object changes more often).
  }, [enabled, key, thumbnails, paused]);
  return enabled && state?.key === key ? state.src : null;
}
