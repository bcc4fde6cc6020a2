/**
 * Pre-upload sessions of the v2 sliced flow (reference §7.2-§7.4, §12 "Pre-upload sessions").
 *
 * - A session records where the file goes, its declared MD5/size, the slice size handed out,
 *   the slices received (their bytes live on disk in `<dataDir>/uploads/<preuploadID>/<sliceNo>`,
 *   never in memory), how many "not yet" answers `upload_complete` has given, and the result.
 * - Sessions persist in `<dataDir>/uploads/sessions.json` (atomic rewrite), so a client can resume
 *   an upload after an emulator restart.
 * - A session expires `uploadSessionLifetimeSec` after its creation (read live, so tests can
 *   shorten it); an expired `preuploadID` is unknown and its slice files are deleted.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createBackgroundDelete } from '../core/background-delete';
import { ApiError, CODES } from '../core/errors';
import { createJsonFile } from '../core/json-file';
import type { Clock } from '@pandesk/contract';
import type { Faults } from '../options';

export interface SliceRecord {
  md5: string;
  size: number;
}

export interface UploadSession {
  preuploadID: string;
  /** Folder the file lands in (containDir folders already created). */
  parentId: number;
  /** Leaf name as requested; duplicate handling is applied again at completion. */
  name: string;
  /** Declared whole-file MD5 (lowercase) and size. */
  md5: string;
  size: number;
  sliceSize: number;
  duplicate: number;
  /** Epoch ms. */
  createdAt: number;
  /** Received slices by 1-based number. */
  slices: Record<string, SliceRecord>;
  /** "Not yet" answers given by upload_complete so far. */
  notYetAnswers: number;
  /** Set once the merged bytes were verified and stored. */
  merged?: { md5: string; sha1: string; size: number };
  /** Set once the node exists; later completes answer the same id. */
  fileId?: number;
}

/** Told about slice and session changes (the in-order assembler listens). */
export interface SessionListener {
  /** A slice file is in place and recorded (new, or replacing an earlier copy). */
  sliceStored(session: UploadSession, sliceNo: number): void;
  /** The session's slice files are gone: released after completion, or expired. */
  released(preuploadID: string): void;
}

export const UNKNOWN_SESSION_MESSAGE = 'preuploadID不存在或已过期';

export interface UploadSessions {
  create(input: Omit<UploadSession, 'preuploadID' | 'createdAt' | 'slices' | 'notYetAnswers'>): UploadSession;
  /** The live session, or code 1 for an unknown or expired id. */
  require(preuploadID: string): UploadSession;
  /** Number of slices the declared size needs (0 for an empty file). */
  sliceCount(session: UploadSession): number;
  /** Where slice `sliceNo` of a session lives on disk. */
  slicePath(session: UploadSession, sliceNo: number): string;
  /** Moves a verified slice file into place, replacing an earlier copy. */
  storeSlice(session: UploadSession, sliceNo: number, tempFile: string, record: SliceRecord): Promise<void>;
  /** Slice numbers still missing, ascending. */
  missingSlices(session: UploadSession): number[];
  /**
   * Drops the slice files (after success) and, with `forget`, the session itself. The folder is
   * gone when this resolves; its files are deleted in the background.
   */
  release(session: UploadSession, forget: boolean): Promise<void>;
  /** Call after changing a session: persists soon. */
  changed(): void;
  flush(): void;
  /** Resolves once slice folders being deleted in the background are gone (for close). */
  settled(): Promise<void>;
  /** Registers the one listener (a later call replaces it). */
  listen(listener: SessionListener): void;
}

const SESSIONS_SAVE_DELAY_MS = 1000;

export interface UploadSessionsOptions {
  dataDir: string;
  clock: Clock;
  /** Live faults: `uploadSessionLifetimeSec` is read on every lookup. */
  faults: Faults;
}

export function createUploadSessions(options: UploadSessionsOptions): UploadSessions {
  const { clock, faults } = options;
  const root = join(options.dataDir, 'uploads');
  mkdirSync(root, { recursive: true });
  const sessions = new Map<string, UploadSession>();
  let listener: SessionListener | undefined;
  const deleter = createBackgroundDelete();
  // Saved at most once a second: every stored slice changes a session, and each save renames
  // over the old file, which ext4 makes wait for the disk while a gigabyte of slices is being
  // written back (64 saves blocked this server's thread for about 2 s per GiB uploaded).
  // Closing flushes, so only a killed emulator loses up to a second of slice records.
  const file = createJsonFile<UploadSession[]>(
    join(root, 'sessions.json'),
    () => [...sessions.values()],
    SESSIONS_SAVE_DELAY_MS,
  );
  for (const session of file.load() ?? []) sessions.set(session.preuploadID, session);
  removeOrphanDirs(root, sessions);

  const dirOf = (id: string): string => join(root, id);
  const expired = (s: UploadSession): boolean =>
    clock.now() > s.createdAt + faults.uploadSessionLifetimeSec * 1000;

  /** Forgets expired sessions and deletes their slices. */
  function sweep(): void {
    for (const session of sessions.values()) {
      if (!expired(session)) continue;
      sessions.delete(session.preuploadID);
      deleter.remove(dirOf(session.preuploadID));
      listener?.released(session.preuploadID);
      file.scheduleSave();
    }
  }

  const api: UploadSessions = {
    create(input) {
      sweep();
      const session: UploadSession = {
        ...input,
        preuploadID: randomBytes(24).toString('base64url'),
        createdAt: clock.now(),
        slices: {},
        notYetAnswers: 0,
      };
      sessions.set(session.preuploadID, session);
      file.scheduleSave();
      return session;
    },
    require(preuploadID) {
      sweep();
      const session = sessions.get(preuploadID);
      if (!session) throw new ApiError(CODES.general, UNKNOWN_SESSION_MESSAGE);
      return session;
    },
    sliceCount: (s) => Math.ceil(s.size / s.sliceSize),
    slicePath: (s, sliceNo) => join(dirOf(s.preuploadID), String(sliceNo)),
    async storeSlice(session, sliceNo, tempFile, record) {
      mkdirSync(dirOf(session.preuploadID), { recursive: true });
      await rename(tempFile, api.slicePath(session, sliceNo));
      session.slices[String(sliceNo)] = record;
      file.scheduleSave();
      listener?.sliceStored(session, sliceNo);
    },
    missingSlices(session) {
      const missing: number[] = [];
      for (let n = 1; n <= api.sliceCount(session); n++) if (!session.slices[String(n)]) missing.push(n);
      return missing;
    },
    async release(session, forget) {
      deleter.remove(dirOf(session.preuploadID));
      if (forget) sessions.delete(session.preuploadID);
      listener?.released(session.preuploadID);
      file.scheduleSave();
    },
    changed: () => file.scheduleSave(),
    flush: () => file.flush(),
    settled: () => deleter.settled(),
    listen(next) {
      listener = next;
    },
  };
  return api;
}

/**
 * Slice folders whose session is gone (e.g. the state file was lost), and `.gone-*` folders a
 * background deletion left, are deleted at start.
 */
function removeOrphanDirs(root: string, sessions: Map<string, UploadSession>): void {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.isDirectory() && !sessions.has(entry.name))
      rmSync(join(root, entry.name), { recursive: true, force: true });
  }
}
