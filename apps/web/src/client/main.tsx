import { createApiClient, createTextTransport } from '@pandesk/contract';
import { mountPanDesk } from '@pandesk/ui';
import { takeLaunchKey } from './launch-key';
import { browserTextPort, openHostSocket } from './socket-port';
import { createWebHostAdapter } from './web-host-adapter';
import './host-page.css';

/**
 * The browser entry: takes the launch key from the address, opens the contract's WebSocket to
 * the host, and mounts the same UI as the desktop app with the web HostAdapter.
 */

function showProblem(root: HTMLElement, message: string): void {
  const box = document.createElement('div');
  box.className = 'pd-host-problem';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-app-state', 'error');
  box.textContent = message;
  root.replaceChildren(box);
}

/** Whether the host serves browser downloads; false when it cannot say. */
async function readPageConfig(secret: string): Promise<boolean> {
  try {
    const res = await fetch('/api/config', { headers: { 'X-PanDesk-Key': secret } });
    const config = res.ok ? ((await res.json()) as { browserDownloads?: unknown }) : {};
    return config.browserDownloads === true;
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (root === null) return;
  const secret = takeLaunchKey({
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
  });
  if (secret === undefined) {
    showProblem(
      root,
      "Open PanDesk with the full address the host printed (it ends with #k=…): it carries this launch's key.",
    );
    return;
  }
  let socket: WebSocket;
  try {
    socket = await openHostSocket(`ws://${window.location.host}/ws`, secret);
  } catch (error) {
    showProblem(root, error instanceof Error ? error.message : String(error));
    return;
  }
  const browserDownloads = await readPageConfig(secret);
  const bridge = createApiClient(createTextTransport(browserTextPort(socket)));
  const banner = document.createElement('div');
  banner.className = 'pd-host-disconnected';
  banner.setAttribute('role', 'alert');
  banner.textContent =
    'The connection to the PanDesk host was lost. Restart the host, then reload this page.';
  socket.addEventListener('close', () => document.body.append(banner), { once: true });
  mountPanDesk(root, { bridge, host: createWebHostAdapter({ secret, browserDownloads }) });
}

void start();
