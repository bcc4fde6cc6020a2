import type { i18n as I18n } from 'i18next';
import type { PanDeskBridge } from '@pandesk/contract';
import type { HostAdapter } from '../host';
import type { BrowserStore } from '../stores/browser-store';
import type { CloudStore } from '../stores/cloud-store';
import type { SessionStore } from '../stores/session-store';
import type { TransfersStore } from '../stores/transfers-store';
import type { TreeStore } from '../stores/tree-store';
import type { UiStore } from '../stores/ui-store';

/** What the action modules work with; built once per mounted app. */
export interface ActionDeps {
  bridge: PanDeskBridge;
  host: HostAdapter;
  session: SessionStore;
  browser: BrowserStore;
  tree: TreeStore;
  transfers: TransfersStore;
  ui: UiStore;
  cloud: CloudStore;
  i18n: I18n;
}
