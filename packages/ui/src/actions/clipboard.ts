import type { Words } from '../lib/words';
import type { ActionDeps } from './deps';

/**
 * Puts text on the system clipboard through the host (never a page-wide permission) and says
 * so in a toast; when the host cannot, the toast shows the text so it can be copied by hand.
 */
export async function writeToClipboard(deps: ActionDeps, text: string, copied: Words): Promise<boolean> {
  const { host, ui } = deps;
  try {
    if (host.writeClipboard === undefined) throw new Error('no clipboard');
    await host.writeClipboard(text);
    ui.getState().pushToast({ kind: 'info', text: copied });
    return true;
  } catch {
    ui.getState().pushToast({ kind: 'error', text: { key: 'cloud.clipboardFailed', values: { text } } });
    return false;
  }
}
