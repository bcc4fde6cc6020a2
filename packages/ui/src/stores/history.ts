import type { FileId } from '@pandesk/contract';
import type { Location } from './listing';

/** Back/forward history of the main pane, as plain steps (the store applies them). */
export interface History {
  readonly location: Location;
  readonly back: readonly Location[];
  readonly forward: readonly Location[];
}

export interface Step {
  readonly back: readonly Location[];
  readonly forward: readonly Location[];
  readonly to: Location;
}

export function stepBack({ location, back, forward }: History): Step | null {
  const prev = back[back.length - 1];
  return prev ? { back: back.slice(0, -1), forward: [location, ...forward], to: prev } : null;
}

export function stepForward({ location, back, forward }: History): Step | null {
  const next = forward[0];
  return next ? { back: [...back, location], forward: forward.slice(1), to: next } : null;
}

/** Out of search results: to where the user was before searching (the root if nowhere). */
export function leaveSearch({ back }: History, rootId: FileId): Step {
  const before = [...back].reverse().find((l) => l.kind !== 'search');
  return {
    back: before ? back.slice(0, back.lastIndexOf(before)) : [],
    forward: [],
    to: before ?? { kind: 'folder', folderId: rootId },
  };
}
