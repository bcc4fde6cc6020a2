/** The contract's `app` domain: facts about the host and the OS integrations it offers. */
import { ApiException, ok } from '@pandesk/contract';
import type { AppApi, AppInfo } from '@pandesk/contract';
import { mapErrors } from '../errors/map-error';
import type { BackendPorts, PlatformHooks } from '../ports';
import type { OpenFiles } from '../open/open-files';
import type { Thumbnails } from '../thumbnails/thumbnails';

function unsupported(what: string): ApiException {
  return ApiException.because('not_available_here', `${what} is not available in this version of PanDesk.`);
}

export function appInfo(ports: Pick<BackendPorts, 'app' | 'host' | 'platform'>): AppInfo {
  const platform: PlatformHooks = ports.platform ?? {};
  return {
    name: ports.app?.name ?? 'PanDesk',
    version: ports.app?.version ?? '0.1.0',
    host: ports.host === 'electron' ? 'desktop' : 'web',
    platform: process.platform,
    arch: process.arch,
    versions: { node: process.versions.node, ...ports.app?.versions },
    capabilities: {
      startDrag: platform.startDrag !== undefined,
      nativeDialogs: platform.choosePaths !== undefined,
      revealInFolder: platform.revealInFolder !== undefined,
      keepAwake: platform.keepAwake !== undefined,
      openFiles: platform.openPath !== undefined,
      // A host that streams previews says so when it wraps `app.previewUrl` (withPreviewUrls).
      preview: false,
    },
  };
}

export function createAppApi(
  ports: Pick<BackendPorts, 'app' | 'host' | 'platform' | 'paths'>,
  opener: OpenFiles,
  thumbnails: Thumbnails,
): AppApi {
  const platform: PlatformHooks = ports.platform ?? {};
  const run = <T>(work: () => Promise<T>) => mapErrors(work).then(ok);
  return {
    info: async () => ok(appInfo(ports)),
    openLogFolder: () =>
      run(async () => {
        if (platform.openPath === undefined) throw unsupported('Opening the log folder');
        await platform.openPath(ports.paths.logs);
        return null;
      }),
    revealInFolder: ({ path }) =>
      run(async () => {
        if (platform.revealInFolder === undefined) throw unsupported('Showing files in the file manager');
        await platform.revealInFolder(path);
        return null;
      }),
    startDrag: ({ paths }) =>
      run(async () => {
        if (platform.startDrag === undefined) throw unsupported('Dragging files out of the window');
        platform.startDrag(paths);
        return null;
      }),
    choosePaths: (input) =>
      run(async () => {
        if (platform.choosePaths === undefined) throw unsupported('Native file dialogs');
        return platform.choosePaths(input);
      }),
    // The browser host answers this itself (it serves the links); no other host has any.
    downloadLink: () =>
      run(async () => {
        throw unsupported('Saving files through the browser');
      }),
    openFile: ({ fileId }) => run(() => opener.openFile(fileId)),
    openDownload: ({ transferId, how }) =>
      run(async () => (await opener.openDownload(transferId, how), null)),
    openCache: () => run(() => opener.info()),
    clearOpenCache: () => run(async () => (await opener.clear(), null)),
    thumbnail: (input) => run(() => thumbnails.get(input)),
    storeThumbnail: (input) => run(async () => (await thumbnails.store(input), null)),
    thumbnailTraffic: () => run(() => thumbnails.traffic()),
    // Each host serves previews through its own route or scheme and answers this itself.
    previewUrl: () =>
      run(async () => {
        throw unsupported('Quick preview');
      }),
  };
}
