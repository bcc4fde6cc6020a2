import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge, createHostApi } from './host-api';

/**
 * The sandboxed preload: exposes the contract bridge as `window.pandesk` and the host functions
 * (file paths, native drag, clipboard) as `window.pandeskHost`, nothing else (no `ipcRenderer`,
 * no Node). Bundled to one CommonJS
 * file with only `electron` external, as sandboxed preloads require.
 */
const bridge = createBridge(ipcRenderer);
contextBridge.exposeInMainWorld('pandesk', bridge);
contextBridge.exposeInMainWorld(
  'pandeskHost',
  createHostApi(bridge, (file) => webUtils.getPathForFile(file), ipcRenderer),
);
