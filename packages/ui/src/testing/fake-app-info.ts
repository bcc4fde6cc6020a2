import type { AppInfo } from '@pandesk/contract';

/** What the fake bridge says about its host: a desktop host has native drag, dialogs and a file manager. */
export function fakeAppInfo(host: AppInfo['host']): AppInfo {
  return {
    name: 'PanDesk',
    version: '0.1.0',
    host,
    platform: 'linux',
    arch: 'x64',
    versions: {},
    capabilities: {
      startDrag: host === 'desktop',
      nativeDialogs: host === 'desktop',
      revealInFolder: host === 'desktop',
      keepAwake: false,
      openFiles: host === 'desktop',
      preview: true,
    },
  };
}
