import type { ApiDomain, PanDeskApi } from '../api';
import type { ApiMethod, InputOf } from '../channels';

/**
 * One valid input for every channel, shaped exactly like the API (the compiler rejects a
 * missing channel). Meant for round-trip tests of any binding (in-memory RPC, Electron IPC,
 * WebSocket bridge) and as living documentation of what each call takes.
 */
export type ExampleInputs = {
  readonly [D in ApiDomain]: { readonly [M in ApiMethod<D>]: InputOf<PanDeskApi[D][M]> };
};

export const EXAMPLE_INPUTS: ExampleInputs = {
  auth: { status: undefined, signIn: undefined, signOut: undefined, useDemo: undefined },
  settings: {
    get: undefined,
    update: { theme: 'dark', uploadConcurrency: 4, downloadSpeedLimit: 1_048_576 },
    setConnection: { clientId: 'a1b2c3', clientSecret: 'example-secret', accessToken: null },
  },
  files: {
    list: { folderId: 0 },
    listMore: { folderId: 14663228, cursor: '5373646' },
    treeChildren: { folderId: 14663228 },
    detail: { id: 14749954 },
    mkdir: { parentId: 0, name: 'New folder' },
    rename: { id: 14749954, name: '报告 2025.pdf' },
    move: { ids: [14705301, 14705306], targetFolderId: 14663228 },
    trash: { ids: [14705301] },
    listTrash: {},
    restore: { ids: [14705301], targetFolderId: 14663228 },
    deleteForever: { ids: [14705301] },
    search: { query: 'holiday', exact: false },
    quota: undefined,
  },
  transfers: {
    upload: {
      localPaths: ['/home/user/Videos/trip.mp4', '/home/user/Photos'],
      remoteParentId: 14663228,
      conflict: 'keep_both',
    },
    download: {
      sources: [
        {
          fileId: 5373646,
          name: 'download.mp4',
          type: 'file',
          size: 518564433,
          etag: 'af0c5b4e2b2f1e7a9d3c4b5a6f7e8d9c',
        },
        { fileId: 14710240, name: 'sub folder', type: 'folder' },
      ],
      localDir: '/home/user/Downloads',
      conflict: 'skip',
    },
    pause: { ids: ['t-1', 't-2'] },
    resume: {},
    cancel: { ids: ['t-3'] },
    retry: {},
    moveToTop: { ids: ['t-4'] },
    clearFinished: undefined,
    page: { offset: 0, limit: 200, states: ['failed'], direction: 'upload' },
    summary: undefined,
  },
  places: {
    list: undefined,
    add: { path: '/home/user/Projects', name: 'Projects' },
    remove: { id: 'custom-1' },
  },
  app: {
    info: undefined,
    openLogFolder: undefined,
    revealInFolder: { path: '/home/user/Downloads/download.mp4' },
    startDrag: { paths: ['/home/user/Downloads/download.mp4'] },
    choosePaths: { mode: 'choose_folder', title: 'Save to' },
  },
};

/** Looks up the example input of a channel name such as `files:list`. */
export function exampleInputFor(domain: ApiDomain, method: string): unknown {
  return (EXAMPLE_INPUTS[domain] as Record<string, unknown>)[method];
}
