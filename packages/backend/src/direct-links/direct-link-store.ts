/**
 * What PanDesk remembers about direct links, in `<userData>/direct-links.json`: the folders it
 * enabled, per drive (the service has no call that lists them), and how long a signed link it
 * hands out stays valid. Nothing secret is in it.
 */
import { join } from 'node:path';
import type { FileId } from '@pandesk/contract';
import { MAX_SIGNED_LINK_MINUTES } from '@pandesk/contract';
import type { LocalFs } from '../ports';
import { readJsonFile, writeJsonFile } from '../cloud/json-file';

/** A day: long enough to pass a link on, short enough that a leaked one dies. */
export const DEFAULT_SIGNED_LINK_MINUTES = 1440;
/** Folders remembered per drive, newest kept. */
const MAX_FOLDERS = 1000;

interface Document {
  version: 1;
  signedLinkMinutes: number;
  folders: Record<string, FileId[]>;
}

export interface DirectLinkStore {
  folders(drive: string): Promise<FileId[]>;
  setEnabled(drive: string, folderId: FileId, enabled: boolean): Promise<void>;
  signedLinkMinutes(): Promise<number>;
  setSignedLinkMinutes(minutes: number): Promise<void>;
}

function parse(raw: unknown): Document {
  const doc = (raw ?? {}) as Partial<Document>;
  const minutes = doc.signedLinkMinutes;
  const folders: Record<string, FileId[]> = {};
  if (doc.version === 1 && typeof doc.folders === 'object' && doc.folders !== null) {
    for (const [drive, ids] of Object.entries(doc.folders)) {
      if (Array.isArray(ids)) folders[drive] = ids.filter((id) => Number.isSafeInteger(id) && id > 0);
    }
  }
  return {
    version: 1,
    signedLinkMinutes:
      Number.isInteger(minutes) && (minutes as number) >= 1 && (minutes as number) <= MAX_SIGNED_LINK_MINUTES
        ? (minutes as number)
        : DEFAULT_SIGNED_LINK_MINUTES,
    folders,
  };
}

export function createDirectLinkStore(fs: LocalFs, userData: string): DirectLinkStore {
  const path = join(userData, 'direct-links.json');
  let loaded: Promise<Document> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const load = (): Promise<Document> => (loaded ??= readJsonFile(fs, path).then(parse));

  /** One change after the other, each persisted before the next starts. */
  function change(update: (doc: Document) => Document): Promise<void> {
    const next = queue.then(async () => {
      const doc = update(await load());
      loaded = Promise.resolve(doc);
      await writeJsonFile(path, doc);
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    async folders(drive) {
      await queue;
      return [...((await load()).folders[drive] ?? [])];
    },
    setEnabled: (drive, folderId, enabled) =>
      change((doc) => {
        const others = (doc.folders[drive] ?? []).filter((id) => id !== folderId);
        const ids = enabled ? [...others, folderId].slice(-MAX_FOLDERS) : others;
        return { ...doc, folders: { ...doc.folders, [drive]: ids } };
      }),
    async signedLinkMinutes() {
      await queue;
      return (await load()).signedLinkMinutes;
    },
    setSignedLinkMinutes: (minutes) => change((doc) => ({ ...doc, signedLinkMinutes: minutes })),
  };
}
