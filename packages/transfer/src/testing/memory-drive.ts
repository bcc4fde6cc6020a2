/**
 * An in-memory DriveBackend that behaves like the service where the engine cares: instant
 * upload on known MD5+size, exact slice sizes, slice MD5 checks, asynchronous completion,
 * whole-file MD5 check, keep-both/overwrite/error names, expiring sessions and download URLs.
 * Faults are queued per operation. With `dir` its state survives a killed process.
 */
import type {
  CompleteUploadResult,
  CreateUploadResult,
  DriveBackend,
  FetchLike,
  RemoteEntry,
  SliceBytes,
  UploadSession,
} from '../ports';
import { DriveError } from '../ports';
import type { DriveNode, DriveSession } from './drive-store';
import { createDriveStore, md5Hex } from './drive-store';
import { createMemoryCdn } from './memory-cdn';

export type DriveOp =
  | 'uploadSingle'
  | 'createUpload'
  | 'uploadSlice'
  | 'completeUpload'
  | 'downloadUrl'
  | 'fileInfo'
  | 'listChildren'
  | 'ensureFolder';

export interface MemoryDriveOptions {
  /** Persist state here (for crash tests); in memory when omitted. */
  dir?: string;
  sliceSize?: number;
  /** How many "not yet" answers upload_complete gives before completing. */
  completeNotYet?: number;
  /** Download URL lifetime in ms and the clock that judges it. */
  urlLifetimeMs?: number;
  now?: () => number;
}

export interface MemoryDrive {
  readonly backend: DriveBackend;
  /** CDN for the URLs downloadUrl hands out; pass as the engine's fetch. */
  readonly fetch: FetchLike;
  addFolder(parentId: number, name: string): number;
  addFile(parentId: number, name: string, bytes: Uint8Array): RemoteEntry;
  /** Gives an existing file new content (same id), as an overwrite in the cloud would. */
  replaceContent(fileId: number, bytes: Uint8Array): RemoteEntry;
  list(parentId: number): RemoteEntry[];
  read(fileId: number): Uint8Array;
  /** Every live file under a folder, by relative path. */
  tree(parentId: number, prefix?: string): Map<string, RemoteEntry>;
  /** The next `times` calls of `op` throw `error`. */
  failNext(op: DriveOp, error: Error, times?: number): void;
  /** Every operation throws DriveError('auth') while true. */
  authDown: boolean;
  /** Forget every unfinished upload session (as if they expired); finished ones too when asked. */
  expireSessions(includeCompleted?: boolean): void;
  readonly calls: Record<DriveOp, number>;
  readonly cdn: ReturnType<typeof createMemoryCdn>;
}

function entry(n: DriveNode): RemoteEntry {
  return { fileId: n.id, name: n.name, type: n.type, size: n.size, etag: n.md5 };
}

/** Piece size of a body read as an HTTP client streams it. */
const BODY_PIECE = 64 * 1024;

/** Reads a request body piece by piece, telling the sender how much went out, like a real client. */
async function readBody(body: SliceBytes): Promise<Uint8Array> {
  const bytes = new Uint8Array(body.size);
  for (let at = 0; at < body.size; at += BODY_PIECE) {
    body.sent?.(at);
    await body.read(bytes.subarray(at, Math.min(body.size, at + BODY_PIECE)), at);
  }
  body.sent?.(body.size);
  return bytes;
}

function keepBothName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}(${n})${name.slice(dot)}` : `${name}(${n})`;
}

export function createMemoryDrive(options: MemoryDriveOptions = {}): MemoryDrive {
  const store = createDriveStore(options.dir);
  const sliceSize = options.sliceSize ?? 1024 * 1024;
  const now = options.now ?? Date.now;
  const faults = new Map<DriveOp, Error[]>();
  const calls = {
    uploadSingle: 0,
    createUpload: 0,
    uploadSlice: 0,
    completeUpload: 0,
    downloadUrl: 0,
    fileInfo: 0,
    listChildren: 0,
    ensureFolder: 0,
  };
  const children = (parentId: number): DriveNode[] =>
    [...store.nodes.values()].filter((n) => n.parentId === parentId && !n.trashed);
  const fileNode = (id: number): DriveNode => {
    const n = store.nodes.get(id);
    if (!n || n.trashed) throw new DriveError('not_found', 'The file does not exist.');
    return n;
  };
  const cdn = createMemoryCdn({
    now,
    lifetimeMs: options.urlLifetimeMs ?? 30 * 60_000,
    content: (id) => {
      const n = store.nodes.get(id);
      return n && !n.trashed && n.type === 'file' ? store.getBlob(n.md5, n.size) : undefined;
    },
  });

  const enter = (op: DriveOp): void => {
    calls[op]++;
    if (drive.authDown) throw new DriveError('auth', 'The access token was rejected.');
    const queued = faults.get(op);
    const next = queued?.shift();
    if (next) throw next;
  };

  /** Places a finished file under its name according to the duplicate mode. */
  const place = (
    parentId: number,
    name: string,
    md5: string,
    size: number,
    duplicate: DriveSession['duplicate'],
  ): number => {
    const clash = children(parentId).find((n) => n.name === name);
    let finalName = name;
    if (clash && duplicate === 'error')
      throw new DriveError('name_conflict', 'A file with this name already exists.');
    if (clash && duplicate === 'overwrite') clash.trashed = true;
    if (clash && duplicate === 'keep_both') {
      const taken = new Set(children(parentId).map((n) => n.name));
      for (let i = 1; taken.has(finalName); i++) finalName = keepBothName(name, i);
    }
    const id = store.newId();
    store.nodes.set(id, { id, parentId, name: finalName, type: 'file', size, md5, trashed: false });
    store.save();
    return id;
  };

  const backend: DriveBackend = {
    async uploadSingle(req, body) {
      enter('uploadSingle');
      if (req.duplicate === 'error' && children(req.parentId).some((n) => n.name === req.name)) {
        throw new DriveError('name_conflict', 'A file with this name already exists.');
      }
      const bytes = await readBody(body);
      if (bytes.byteLength !== req.size || md5Hex(bytes) !== req.md5)
        throw new DriveError('fatal', 'Upload failed: the content does not match its MD5.');
      store.putBlob(bytes);
      return { fileId: place(req.parentId, req.name, req.md5, req.size, req.duplicate) };
    },
    async createUpload(req): Promise<CreateUploadResult> {
      enter('createUpload');
      if (req.duplicate === 'error' && children(req.parentId).some((n) => n.name === req.name)) {
        throw new DriveError('name_conflict', 'A file with this name already exists.');
      }
      if (store.hasBlob(req.md5, req.size))
        return { kind: 'instant', fileId: place(req.parentId, req.name, req.md5, req.size, req.duplicate) };
      const preuploadId = `pre-${store.newId()}-${Math.random().toString(36).slice(2)}`;
      store.sessions.set(preuploadId, {
        preuploadId,
        parentId: req.parentId,
        name: req.name,
        md5: req.md5,
        size: req.size,
        sliceSize,
        duplicate: req.duplicate,
        slices: [],
        completedFileId: 0,
        notYetLeft: options.completeNotYet ?? 1,
      });
      store.save();
      return { kind: 'session', preuploadId, sliceSize, server: 'http://upload.memory.test' };
    },
    async uploadSlice(session: UploadSession, slice) {
      enter('uploadSlice');
      const s = store.sessions.get(session.preuploadId);
      if (!s || s.completedFileId) throw new DriveError('session_expired', 'The upload session is unknown.');
      const bytes = await readBody(slice.body);
      const count = Math.ceil(s.size / s.sliceSize);
      const expected = slice.sliceNo < count ? s.sliceSize : s.size - (count - 1) * s.sliceSize;
      if (slice.sliceNo < 1 || slice.sliceNo > count || bytes.byteLength !== expected)
        throw new DriveError('fatal', 'Slice has the wrong size.');
      if (md5Hex(bytes) !== slice.md5) throw new DriveError('slice_rejected', 'Slice MD5 does not match.');
      store.putSlice(s.preuploadId, slice.sliceNo, bytes);
      if (!s.slices.includes(slice.sliceNo)) s.slices.push(slice.sliceNo);
      store.save();
    },
    async completeUpload(session): Promise<CompleteUploadResult> {
      enter('completeUpload');
      const s = store.sessions.get(session.preuploadId);
      if (!s) throw new DriveError('session_expired', 'The upload session is unknown.');
      if (s.completedFileId) return { completed: true, fileId: s.completedFileId };
      if (s.slices.length < Math.ceil(s.size / s.sliceSize))
        throw new DriveError('fatal', 'Not every slice has arrived.');
      if (s.notYetLeft-- > 0) return (store.save(), { completed: false });
      const parts = [...s.slices]
        .sort((a, b) => a - b)
        .map((no) => store.getSlice(s.preuploadId, no) ?? new Uint8Array());
      const whole = Buffer.concat(parts);
      if (md5Hex(whole) !== s.md5)
        throw new DriveError('fatal', 'Upload failed: the content does not match its MD5.');
      store.putBlob(whole);
      store.dropSlices(s.preuploadId);
      s.completedFileId = place(s.parentId, s.name, s.md5, s.size, s.duplicate);
      store.save();
      return { completed: true, fileId: s.completedFileId };
    },
    async downloadUrl(fileId) {
      enter('downloadUrl');
      fileNode(fileId);
      return cdn.sign(fileId);
    },
    async fileInfo(fileId) {
      enter('fileInfo');
      return entry(fileNode(fileId));
    },
    async *listChildren(parentId) {
      enter('listChildren');
      const all = children(parentId)
        .sort((a, b) => a.id - b.id)
        .map(entry);
      for (let i = 0; i < all.length; i += 100) yield all.slice(i, i + 100);
      if (all.length === 0) yield [];
    },
    async ensureFolder(parentId, name) {
      enter('ensureFolder');
      const found = children(parentId).find((n) => n.type === 'folder' && n.name === name);
      return found ? found.id : drive.addFolder(parentId, name);
    },
  };

  const drive: MemoryDrive = {
    backend,
    fetch: cdn.fetch,
    cdn,
    calls,
    authDown: false,
    addFolder(parentId, name) {
      const id = store.newId();
      store.nodes.set(id, { id, parentId, name, type: 'folder', size: 0, md5: '', trashed: false });
      store.save();
      return id;
    },
    addFile(parentId, name, bytes) {
      const { md5, size } = store.putBlob(bytes);
      return entry(fileNode(place(parentId, name, md5, size, 'keep_both')));
    },
    replaceContent(fileId, bytes) {
      const node = fileNode(fileId);
      const { md5, size } = store.putBlob(bytes);
      Object.assign(node, { md5, size });
      store.save();
      return entry(node);
    },
    list: (parentId) => children(parentId).map(entry),
    read: (fileId) => {
      const n = fileNode(fileId);
      return store.getBlob(n.md5, n.size);
    },
    tree(parentId, prefix = '') {
      const out = new Map<string, RemoteEntry>();
      for (const n of children(parentId)) {
        if (n.type === 'file') out.set(prefix + n.name, entry(n));
        else for (const [k, v] of drive.tree(n.id, `${prefix}${n.name}/`)) out.set(k, v);
      }
      return out;
    },
    failNext(op, error, times = 1) {
      const list = faults.get(op) ?? [];
      for (let i = 0; i < times; i++) list.push(error);
      faults.set(op, list);
    },
    expireSessions(includeCompleted = false) {
      for (const s of [...store.sessions.values()]) {
        if (s.completedFileId && !includeCompleted) continue;
        store.dropSlices(s.preuploadId);
        store.sessions.delete(s.preuploadId);
      }
      store.save();
    },
  };
  return drive;
}
