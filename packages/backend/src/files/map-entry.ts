/** The one place open-api entries become the contract's file shapes. */
import type { FileCategory, FileDetail, FileEntry } from '@pandesk/contract';
import type { PanEntry } from '@pandesk/open-api';

const CATEGORIES: Record<number, FileCategory> = { 1: 'audio', 2: 'video', 3: 'image' };

/** Review statuses above this mean the service's moderation rejected the file. */
const BLOCKED_ABOVE = 100;

export function toFileEntry(entry: PanEntry): FileEntry {
  return {
    id: entry.id,
    name: entry.name,
    parentId: entry.parentId,
    kind: entry.kind,
    size: entry.kind === 'folder' ? 0 : entry.size,
    md5: entry.kind === 'folder' || entry.md5 === '' ? null : entry.md5.toLowerCase(),
    category: CATEGORIES[entry.category] ?? 'other',
    createdAt: entry.createdAt,
    modifiedAt: entry.updatedAt,
    blocked: entry.status > BLOCKED_ABOVE,
  };
}

export function toFileDetail(entry: PanEntry): FileDetail {
  return { ...toFileEntry(entry), size: entry.size, trashed: entry.trashed };
}

/** A compact fingerprint of a listing, to tell whether a revalidated folder changed. */
export function listingSignature(items: readonly FileEntry[]): string {
  return items
    .map((e) => `${e.id}|${e.name}|${e.kind}|${e.size}|${e.md5 ?? ''}|${e.modifiedAt}|${e.parentId}`)
    .sort()
    .join('\n');
}
