import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import type { PanDeskBridge } from '@pandesk/contract';
import type { HostAdapter } from './host';
import { App } from './components/app';

export interface MountOptions {
  bridge: PanDeskBridge;
  host: HostAdapter;
}

/** Renders PanDesk into `root`; returns the function that unmounts it. */
export function mountPanDesk(root: HTMLElement, opts: MountOptions): () => void {
  const reactRoot = createRoot(root);
  reactRoot.render(
    <StrictMode>
      <App bridge={opts.bridge} host={opts.host} />
    </StrictMode>,
  );
  return () => reactRoot.unmount();
}
