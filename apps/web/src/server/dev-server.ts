import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer, type ProxyOptions, type ViteDevServer } from 'vite';
import type { WebHost } from './web-host';

/**
 * The UI served from its sources by Vite, with hot reload, in front of a running web host:
 * the page, its modules and HMR come from Vite; `/api/*` and the `/ws` socket go to the host.
 * The host only accepts requests naming its own origin (a check against foreign pages), so the
 * proxy presents the host's origin. For development only: Vite's page carries no CSP (React's
 * refresh needs an inline script); the built UI the host serves keeps the strict one, and the
 * end-to-end tests run on that build.
 */

export interface DevServer {
  /** The address to open, with the launch key in its fragment. */
  readonly url: string;
  close(): Promise<void>;
}

const webRoot = fileURLToPath(new URL('../..', import.meta.url));

function toHost(host: WebHost, ws: boolean): ProxyOptions {
  const presentHostOrigin = (
    req: { setHeader(name: string, value: string): void },
    from: IncomingMessage,
  ) => {
    if (from.headers.origin !== undefined) req.setHeader('origin', host.origin);
  };
  return {
    target: host.origin,
    changeOrigin: true,
    ws,
    configure(proxy) {
      proxy.on('proxyReq', (req, from) => presentHostOrigin(req, from));
      proxy.on('proxyReqWs', (req, from) => presentHostOrigin(req, from));
    },
  };
}

export async function startDevServer(host: WebHost, options: { port?: number } = {}): Promise<DevServer> {
  const vite: ViteDevServer = await createServer({
    configFile: `${webRoot}/vite.config.ts`,
    root: webRoot,
    clearScreen: false,
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      strictPort: false,
      proxy: { '/api': toHost(host, false), '/ws': toHost(host, true) },
    },
  });
  await vite.listen();
  const origin = vite.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (origin === undefined) throw new Error('The UI dev server did not report its address.');
  return {
    url: `${origin}/#k=${host.secret}`,
    close: () => vite.close(),
  };
}
