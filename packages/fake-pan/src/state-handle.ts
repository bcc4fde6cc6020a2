/**
 * What tests use to arrange or inspect the drive without going through HTTP.
 * Paths are "/a/b/c" from the root; missing folders on the way are created.
 */
import { Readable } from 'node:stream';
import type { ContentStore } from './content/content-store';
import type { DriveState, FileNode } from './core/drive-state';
import { ROOT_ID } from './core/drive-state';

export interface StateHandle {
  /** The folder at `path`, created with any missing parents (like `mkdir -p`). */
  addFolder(path: string): FileNode;
  /** Stores the bytes and creates the file at `path` (parents created). */
  addFile(path: string, bytes: Uint8Array | string): Promise<FileNode>;
  /** Stores the stream's bytes (never buffered) and creates the file at `path`. */
  addFileFromStream(path: string, source: NodeJS.ReadableStream): Promise<FileNode>;
  /** The live node at `path`, or undefined. */
  find(path: string): FileNode | undefined;
  /** Children of a folder by id or path, ascending id, trashed included. */
  list(folder: number | string): FileNode[];
  get(id: number): FileNode | undefined;
  pathOf(id: number): string;
  spaceUsed(): number;
  /** The underlying state (rules included), for anything the functions above do not cover. */
  readonly drive: DriveState;
}

function split(path: string): { parents: string[]; name: string } {
  const segments = path.split('/').filter((s) => s.length > 0);
  const name = segments.pop();
  if (name === undefined) throw new Error(`path has no name: ${path}`);
  return { parents: segments, name };
}

export function createStateHandle(state: DriveState, content: ContentStore): StateHandle {
  async function addFileFromStream(path: string, source: NodeJS.ReadableStream): Promise<FileNode> {
    const { parents, name } = split(path);
    const blob = await content.putStream(source);
    const parentId = state.ensureFolderPath(ROOT_ID, parents);
    return state.createFile({ parentId, name, md5: blob.md5, size: blob.size });
  }
  return {
    addFolder(path) {
      const { parents, name } = split(path);
      return state.require(state.ensureFolderPath(ROOT_ID, [...parents, name]));
    },
    addFile: (path, bytes) =>
      addFileFromStream(
        path,
        Readable.from([typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes)]),
      ),
    addFileFromStream,
    find: (path) => state.findByPath(path),
    list(folder) {
      if (typeof folder === 'number') return state.children(folder);
      const node = state.findByPath(folder);
      return node
        ? state.children(node.id)
        : folder.replace(/\/+$/, '') === ''
          ? state.children(ROOT_ID)
          : [];
    },
    get: (id) => state.get(id),
    pathOf: (id) => state.pathOf(id),
    spaceUsed: () => state.spaceUsed(),
    drive: state,
  };
}
