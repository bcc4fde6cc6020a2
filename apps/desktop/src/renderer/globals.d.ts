import type { PanDeskBridge } from '@pandesk/contract';
import type { PanDeskHostApi } from '../preload/host-api';

declare global {
  interface Window {
    /** The contract bridge exposed by the preload. */
    readonly pandesk: PanDeskBridge;
    /** Host helpers exposed by the preload. */
    readonly pandeskHost: PanDeskHostApi;
  }
}
