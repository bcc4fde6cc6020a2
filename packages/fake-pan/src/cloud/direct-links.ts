/**
 * Direct links (直链, reference §6.4, §8.3): folders with direct-link space enabled, the
 * long-lived URLs of the files inside them, and how the CDN listener answers those URLs.
 *
 * - A URL is `<cdnUrl>/<uid>/<drive path, each segment percent-encoded>` (the real ones are
 *   path-based on a VIP host). It does not expire.
 * - A file qualifies while it is live and one of its ancestor folders is enabled.
 * - The CDN keeps what a path served (its content) until `direct-link/cache/refresh`, so a file
 *   replaced under the same path keeps being served with its old bytes until a refresh, and a
 *   removed file keeps being served too: that is what a CDN cache does.
 * - With a private key set, each request needs a valid `auth_key` (`direct-link-auth.ts`).
 * Enabled folders persist in `<dataDir>/direct-links.json`; the key is given at start or set at
 * run time and is not stored.
 */
import { join } from 'node:path';
import type { DirectLinkResolution, DirectLinkResolver } from '../cdn/cdn-server';
import { ROOT_ID, type FileNode } from '../core/drive-state';
import { createJsonFile } from '../core/json-file';
import type { FakePanContext } from '../http/context';
import { checkAuthKey } from './direct-link-auth';

export interface DirectLinks {
  isEnabled(folderId: number): boolean;
  enable(folderId: number): void;
  disable(folderId: number): void;
  /** The enabled folder holding `node`, if any. */
  enabledAncestor(node: FileNode): number | undefined;
  urlFor(node: FileNode): string;
  /** Forgets what the CDN cached (`direct-link/cache/refresh`). */
  refreshCache(): void;
  setPrivateKey(key: string | undefined): void;
  hasPrivateKey(): boolean;
  /** For the CDN listener. */
  readonly resolver: DirectLinkResolver;
  flush(): void;
}

interface Cached {
  md5: string;
  size: number;
  filename: string;
}

export function createDirectLinks(ctx: FakePanContext, privateKey: string | undefined): DirectLinks {
  const enabled = new Set<number>();
  const file = createJsonFile<{ folders: number[] }>(join(ctx.dataDir, 'direct-links.json'), () => ({
    folders: [...enabled],
  }));
  for (const id of file.load()?.folders ?? []) enabled.add(id);
  let key = privateKey || undefined;
  const cache = new Map<string, Cached>();

  function enabledAncestor(node: FileNode): number | undefined {
    for (let id = node.parentId; id !== ROOT_ID;) {
      if (enabled.has(id)) return id;
      const parent = ctx.state.get(id);
      if (!parent) return undefined;
      id = parent.parentId;
    }
    return undefined;
  }

  const prefix = (): string => `/${ctx.user.uid}`;

  function lookup(drivePath: string): Cached | undefined {
    const hit = cache.get(drivePath);
    if (hit) return hit;
    const node = ctx.state.findByPath(drivePath);
    if (!node || node.type !== 0 || ctx.state.inTrash(node) || enabledAncestor(node) === undefined)
      return undefined;
    const entry = { md5: node.md5, size: node.size, filename: node.name };
    cache.set(drivePath, entry);
    return entry;
  }

  const resolver: DirectLinkResolver = {
    resolve(pathAndQuery): DirectLinkResolution | undefined {
      const url = new URL(pathAndQuery, 'http://cdn.invalid');
      if (!url.pathname.startsWith(`${prefix()}/`)) return undefined;
      if (key !== undefined) {
        const auth = checkAuthKey({
          rawPath: url.pathname,
          authKey: url.searchParams.get('auth_key'),
          privateKey: key,
          uid: ctx.user.uid,
          nowMs: ctx.clock.now(),
          pathForm: ctx.switches.directLinkAuthPath,
        });
        if (!auth.ok) return { kind: 'forbidden', why: `auth_key ${auth.why}` };
      }
      let drivePath: string;
      try {
        drivePath = decodeURIComponent(url.pathname.slice(prefix().length));
      } catch {
        return { kind: 'missing' };
      }
      const entry = lookup(drivePath);
      if (!entry) return { kind: 'missing' };
      return { kind: 'file', ...entry };
    },
  };

  return {
    isEnabled: (id) => enabled.has(id),
    enable(id) {
      enabled.add(id);
      file.scheduleSave();
    },
    disable(id) {
      enabled.delete(id);
      cache.clear(); // links of a disabled folder stop at once
      file.scheduleSave();
    },
    enabledAncestor,
    urlFor(node) {
      const segments = ctx.state.pathOf(node.id).split('/').slice(1).map(encodeURIComponent);
      return `${ctx.urls.cdnUrl}${prefix()}/${segments.join('/')}`;
    },
    refreshCache: () => cache.clear(),
    setPrivateKey(next) {
      key = next || undefined;
    },
    hasPrivateKey: () => key !== undefined,
    resolver,
    flush: () => file.flush(),
  };
}
