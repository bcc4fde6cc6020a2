import type { PanDeskBridge } from '@pandesk/contract';
import type { HostAdapter } from '@pandesk/ui';
import type { PanDeskHostApi } from '../preload/host-api';

/**
 * The UI's HostAdapter for Electron, over what the preload exposed: dropped files become their
 * local paths (no bytes are copied, the back end reads the files itself), uploads are picked with
 * native dialogs, drags out of the window go through the guarded `app.startDrag`, and the
 * clipboard is written by the main process.
 */
export function createElectronHost(bridge: PanDeskBridge, host: PanDeskHostApi): HostAdapter {
  return {
    kind: 'electron',
    async stageFiles({ files }) {
      // Files without a path (e.g. dragged from a web page) cannot be uploaded by path.
      return files.map((file) => host.pathForFile(file)).filter((p) => p !== '');
    },
    async pickForUpload(mode) {
      const answer = await bridge.app.choosePaths({ mode: mode === 'files' ? 'open_files' : 'open_folders' });
      return answer.ok ? [...answer.value.paths] : [];
    },
    startDrag(paths) {
      void host.startDrag(paths);
    },
    writeClipboard: (text) => host.writeClipboard(text),
  };
}
