import { PanError, isTransientCode } from '../errors';
import type { CallOptions } from '../http/core';
import type { ListingApi } from './listing';
import type { MutationsApi } from './mutations';

export interface EnsurePathOptions {
  signal?: AbortSignal;
  onWait?: CallOptions['onWait'];
  /** Folder the path is relative to (default 0, the drive root). */
  rootId?: number;
  /** How many times one segment may hit a transient failure before giving up. */
  attempts?: number;
}

/** Split "a/b/c" (or an array) into segments, ignoring empty ones and leading/trailing slashes. */
export function splitPath(path: string | readonly string[]): string[] {
  const parts = typeof path === 'string' ? path.split('/') : [...path];
  return parts.filter((p) => p !== '');
}

/**
 * "mkdir -p": make sure every folder of `path` exists under `rootId`, and return the id of the
 * last one. Idempotent: a segment that already exists (mkdir answers the same-name clash) is
 * looked up by listing its parent. That is also what makes it safe to repeat a mkdir whose
 * outcome was lost (network error, timeout): the repeat either creates the folder or clashes
 * with the one the lost attempt made, and the lookup finds it.
 */
export async function ensureFolderPath(
  listing: ListingApi,
  mutations: MutationsApi,
  path: string | readonly string[],
  options: EnsurePathOptions = {},
): Promise<number> {
  let parent = options.rootId ?? 0;
  for (const name of splitPath(path)) parent = await ensureChild(listing, mutations, parent, name, options);
  return parent;
}

async function ensureChild(
  listing: ListingApi,
  mutations: MutationsApi,
  parentId: number,
  name: string,
  options: EnsurePathOptions,
): Promise<number> {
  const attempts = options.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await mutations.mkdir(parentId, name, { signal: options.signal, onWait: options.onWait });
    } catch (error) {
      if (!(error instanceof PanError)) throw error;
      const lost = isTransientCode(error.code) && error.code !== 'rate_limited' && attempt < attempts;
      if (error.code !== 'name_conflict' && !lost) throw error;
      const existing = await findChildFolder(listing, parentId, name, options.signal);
      if (existing !== undefined) return existing;
      if (error.code === 'name_conflict') {
        throw new PanError(
          'name_conflict',
          `a file named "${name}" already exists where a folder is needed`,
          {
            serviceCode: error.serviceCode,
            traceId: error.traceId,
            endpoint: error.endpoint,
          },
        );
      }
    }
  }
}

/** Live folder named exactly `name` directly under `parentId`, if any. */
export async function findChildFolder(
  listing: ListingApi,
  parentId: number,
  name: string,
  signal?: AbortSignal,
): Promise<number | undefined> {
  for await (const page of listing.list(parentId, { signal })) {
    const hit = page.items.find((e) => e.kind === 'folder' && e.name === name);
    if (hit) return hit.id;
  }
  return undefined;
}
