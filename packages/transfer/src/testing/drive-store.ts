/**
 * State of the in-memory test drive, optionally persisted to a folder (JSON state written
 * atomically after every change, contents as files) so a drive survives a killed process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DriveNode {
  id: number;
  parentId: number;
  name: string;
  type: 'file' | 'folder';
  size: number;
  md5: string;
  trashed: boolean;
}

export interface DriveSession {
  preuploadId: string;
  parentId: number;
  name: string;
  md5: string;
  size: number;
  sliceSize: number;
  duplicate: 'keep_both' | 'overwrite' | 'error';
  slices: number[];
  completedFileId: number;
  notYetLeft: number;
}

interface StateFile {
  nextId: number;
  nodes: DriveNode[];
  sessions: DriveSession[];
}

export interface DriveStore {
  nodes: Map<number, DriveNode>;
  sessions: Map<string, DriveSession>;
  newId(): number;
  /** Persists the JSON state (no-op in memory). */
  save(): void;
  putBlob(bytes: Uint8Array): { md5: string; size: number };
  hasBlob(md5: string, size: number): boolean;
  getBlob(md5: string, size: number): Uint8Array;
  putSlice(preuploadId: string, no: number, bytes: Uint8Array): void;
  getSlice(preuploadId: string, no: number): Uint8Array | undefined;
  dropSlices(preuploadId: string): void;
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

export function createDriveStore(dir?: string): DriveStore {
  const nodes = new Map<number, DriveNode>();
  const sessions = new Map<string, DriveSession>();
  const blobs = new Map<string, Uint8Array>();
  const slices = new Map<string, Uint8Array>();
  let nextId = 100;
  if (dir) {
    mkdirSync(join(dir, 'blobs'), { recursive: true });
    mkdirSync(join(dir, 'slices'), { recursive: true });
    const statePath = join(dir, 'state.json');
    if (existsSync(statePath)) {
      const state = JSON.parse(readFileSync(statePath, 'utf8')) as StateFile;
      nextId = state.nextId;
      for (const n of state.nodes) nodes.set(n.id, n);
      for (const s of state.sessions) sessions.set(s.preuploadId, s);
    }
  }
  const blobPath = (key: string): string => join(dir ?? '', 'blobs', key);
  const slicePath = (id: string, no: number): string => join(dir ?? '', 'slices', `${id}.${no}`);
  const writeAtomic = (path: string, data: Uint8Array | string): void => {
    writeFileSync(`${path}.tmp`, data);
    renameSync(`${path}.tmp`, path);
  };
  return {
    nodes,
    sessions,
    newId: () => nextId++,
    save() {
      if (!dir) return;
      const state: StateFile = { nextId, nodes: [...nodes.values()], sessions: [...sessions.values()] };
      writeAtomic(join(dir, 'state.json'), JSON.stringify(state));
    },
    putBlob(bytes) {
      const md5 = md5Hex(bytes);
      const key = `${md5}-${bytes.byteLength}`;
      if (dir) writeAtomic(blobPath(key), bytes);
      else blobs.set(key, bytes);
      return { md5, size: bytes.byteLength };
    },
    hasBlob: (md5, size) => (dir ? existsSync(blobPath(`${md5}-${size}`)) : blobs.has(`${md5}-${size}`)),
    getBlob(md5, size) {
      const key = `${md5}-${size}`;
      const bytes = dir ? new Uint8Array(readFileSync(blobPath(key))) : blobs.get(key);
      if (!bytes) throw new Error(`missing blob ${key}`);
      return bytes;
    },
    putSlice(id, no, bytes) {
      if (dir) writeAtomic(slicePath(id, no), bytes);
      else slices.set(`${id}.${no}`, bytes);
    },
    getSlice(id, no) {
      if (!dir) return slices.get(`${id}.${no}`);
      return existsSync(slicePath(id, no)) ? new Uint8Array(readFileSync(slicePath(id, no))) : undefined;
    },
    dropSlices(id) {
      for (const key of [...slices.keys()]) if (key.startsWith(`${id}.`)) slices.delete(key);
      const session = sessions.get(id);
      if (dir && session) for (const no of session.slices) rmSync(slicePath(id, no), { force: true });
    },
  };
}
