import { mountPanDesk } from '@pandesk/ui';
import { createElectronHost } from './electron-host';

/** Renderer entry: mounts the UI with the preload's bridge and the Electron host adapter. */
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
mountPanDesk(root, { bridge: window.pandesk, host: createElectronHost(window.pandesk, window.pandeskHost) });
