/**
 * The tray (menu-bar) icon of the desktop app: it keeps sync pairs visible and controllable
 * while the window is closed. Its menu follows `sync:changed`.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { SyncPairView } from '@pandesk/contract';
import type { TrayActions } from './tray-menu';
import { trayTemplate, trayTooltip } from './tray-menu';
import type { TrayText } from './tray-text';

export interface SyncTray {
  update(pairs: readonly SyncPairView[]): void;
  destroy(): void;
}

export function createSyncTray(iconPath: string, text: TrayText, actions: TrayActions): SyncTray {
  const icon = nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 });
  const tray = new Tray(icon);
  tray.on('click', () => actions.open());
  const update = (pairs: readonly SyncPairView[]): void => {
    tray.setToolTip(trayTooltip(pairs, text));
    tray.setContextMenu(Menu.buildFromTemplate(trayTemplate(pairs, text, actions)));
  };
  update([]);
  return { update, destroy: () => tray.destroy() };
}
