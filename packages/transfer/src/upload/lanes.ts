/**
 * The two ways a small file can start, and which one the next file takes.
 *
 * A file up to `singleUploadMaxBytes` can go up in one request (single step) or through create
 * (an instant hit when the service already holds the content, else one slice and completion).
 * Under the service's rate table both cost one call of an endpoint paced at about one per second
 * on a free account (create, single), completion is paced far higher (5 per second), and the two
 * endpoints are paced apart. So a batch of small files that sends each through whichever is
 * less busy gets about twice the files per second of one that uses single step alone, and every
 * file that goes through create may end without sending a byte. A file whose MD5 was known
 * before this run (hashed earlier: it was probably uploaded before) tries create first.
 */

export type SmallFilePath = 'single' | 'create_first';

export interface UploadLanes {
  /**
   * Slice size of the last session the service opened (its usual 16 MiB until then): the size
   * slices are hashed for while the whole file is hashed, before any create answers.
   */
  sliceSize: number;
  /** Create and single-step requests of this engine not answered yet (rate-limit waits included). */
  readonly pending: { create: number; single: number };
}

export const USUAL_SLICE_SIZE = 16 * 1024 * 1024;

export function createUploadLanes(): UploadLanes {
  return { sliceSize: USUAL_SLICE_SIZE, pending: { create: 0, single: 0 } };
}

/** Runs one create or single-step request, counted in its lane while it is unanswered. */
export async function inLane<T>(
  lanes: UploadLanes,
  lane: 'create' | 'single',
  request: () => Promise<T>,
): Promise<T> {
  lanes.pending[lane] += 1;
  try {
    return await request();
  } finally {
    lanes.pending[lane] -= 1;
  }
}

/** The path of a small file about to start: see the header. Ties go to single step (one request). */
export function smallFilePath(lanes: UploadLanes, md5WasKnown: boolean): SmallFilePath {
  if (md5WasKnown) return 'create_first';
  return lanes.pending.create < lanes.pending.single ? 'create_first' : 'single';
}
