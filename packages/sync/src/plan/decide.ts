/**
 * What each mode makes of one base entry's changes, given where the item is on each side now
 * (null: gone) and whether its content changed there.
 *
 * - two-way: a change on one side is replayed on the other; a modification beats a deletion;
 *   both modified with different content is a conflict; when both sides moved an item to
 *   different places, the cloud's place wins (nothing is lost either way).
 * - backup: the cloud follows the local folder; local deletions are ignored or recycled; an
 *   item the cloud lost or changed is uploaded again (the changed cloud version to the bin).
 * - mirror down: the local folder follows the cloud; a local change is replaced by the cloud's
 *   version (the local one to the trash); a cloud deletion moves the local item to the trash.
 */
import type { SyncDeletions, SyncMode } from '@pandesk/contract';
import type { BaseEntry } from '../model';

export type Content = 'same' | 'upload' | 'download' | 'conflict';

export interface Decision {
  /** Where the item ends up on both sides, or null when it leaves the synced tree. */
  readonly final: string | null;
  /** Leaving: which side's copy goes to the trash / recycle bin (none: only forgotten). */
  readonly trash?: 'local' | 'remote';
  /** Staying: the side the item is missing from and must be put back on. */
  readonly restore?: 'local' | 'remote';
  /** Staying with both sides present: what the content needs. */
  readonly content?: Content;
  /** Backup: the base entry is forgotten and the local item uploaded as new (instant upload). */
  readonly reupload?: boolean;
}

export interface EntryChange {
  readonly base: BaseEntry;
  readonly localAt: string | null;
  readonly remoteAt: string | null;
  readonly localModified: boolean;
  readonly remoteModified: boolean;
  /** Both present files hold the same bytes (local MD5 = cloud etag). */
  readonly sameContent: boolean;
}

function contentOf(c: EntryChange, oneWay: 'upload' | 'download' | null): Content {
  if (c.base.kind === 'folder') return 'same';
  if (!c.localModified && !c.remoteModified) return 'same';
  if (c.sameContent) return 'same';
  if (oneWay !== null) return oneWay;
  if (c.localModified && c.remoteModified) return 'conflict';
  return c.localModified ? 'upload' : 'download';
}

function twoWay(c: EntryChange): Decision {
  const { localAt, remoteAt } = c;
  if (localAt === null && remoteAt === null) return { final: null };
  if (localAt === null)
    return c.remoteModified ? { final: remoteAt, restore: 'local' } : { final: null, trash: 'remote' };
  if (remoteAt === null)
    return c.localModified ? { final: localAt, restore: 'remote' } : { final: null, trash: 'local' };
  const final = remoteAt !== c.base.path ? remoteAt : localAt;
  return { final, content: contentOf(c, null) };
}

function backup(c: EntryChange, deletions: SyncDeletions): Decision {
  const { localAt, remoteAt } = c;
  if (localAt === null)
    return remoteAt !== null && deletions === 'recycle' ? { final: null, trash: 'remote' } : { final: null };
  if (remoteAt === null) return { final: localAt, restore: 'remote' };
  if (localAt !== remoteAt) {
    const localMoved = localAt !== c.base.path;
    if (!(localMoved && deletions === 'recycle')) return { final: null, reupload: true };
  }
  return { final: localAt, content: contentOf(c, 'upload') };
}

function mirrorDown(c: EntryChange): Decision {
  const { localAt, remoteAt } = c;
  if (remoteAt === null) return localAt !== null ? { final: null, trash: 'local' } : { final: null };
  if (localAt === null) return { final: remoteAt, restore: 'local' };
  return { final: remoteAt, content: contentOf(c, 'download') };
}

export function decide(mode: SyncMode, deletions: SyncDeletions, change: EntryChange): Decision {
  if (mode === 'two_way') return twoWay(change);
  if (mode === 'backup') return backup(change, deletions);
  return mirrorDown(change);
}
