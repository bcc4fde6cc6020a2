import type { PanDeskBridge } from '@pandesk/contract';
import type { PanDeskHostApi } from '../preload/host-api';

declare global {
  interface Window {
    /** The contract bridge exposed by the preload. */
    readonly pandesk: PanDeskBridge;
    /** Host functions exposed by the preload (file paths, native drag). */
    readonly pandeskHost: PanDeskHostApi;
  }
}
