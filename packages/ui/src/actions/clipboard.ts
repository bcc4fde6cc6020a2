import type { ActionDeps } from './deps';

/**
 * Puts text on the system clipboard through the host (never a page-wide permission) and says
 * so in a toast; when the host cannot, the toast shows the text so it can be copied by hand.
 */
export async function writeToClipboard(
  deps: ActionDeps,
  text: string,
  copiedMessage: string,
): Promise<boolean> {
  const { host, ui, i18n } = deps;
  try {
    if (host.writeClipboard === undefined) throw new Error('no clipboard');
    await host.writeClipboard(text);
    ui.getState().pushToast({ kind: 'info', message: copiedMessage });
    return true;
  } catch {
    ui.getState().pushToast({ kind: 'error', message: i18n.t('cloud.clipboardFailed', { text }) });
    return false;
  }
}
