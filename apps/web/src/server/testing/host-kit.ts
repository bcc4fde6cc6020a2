import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiClient, createEventHub, createTextTransport, ok, unwrap } from '@pandesk/contract';
import { createRecordingHandlers } from '@pandesk/contract/testing';
import type {
  ApiClient,
  DownloadLink,
  PanDeskApi,
  PanDeskEventHub,
  PreviewUrl,
  Result,
} from '@pandesk/contract';
import type { SeenCall } from '@pandesk/contract/testing';
import { WebSocket } from 'ws';
import { WS_PROTOCOL, WS_SECRET_PREFIX } from '../launch-secret';
import type { DownloadLinkSource } from '../routes/download-route';
import { startWebHost } from '../web-host';
import type { WebHost } from '../web-host';
import { toTextPort } from '../ws-bridge';

/** A web host over recording handlers, in its own temporary folders (tests only). */
export interface HostKit {
  readonly host: WebHost;
  readonly hub: PanDeskEventHub;
  readonly calls: SeenCall[];
  readonly dir: string;
  readonly stagingRoot: string;
  readonly errors: unknown[];
  close(): Promise<void>;
}

export interface HostKitOptions {
  respond?: (channel: string, input: unknown) => Promise<Result<unknown>>;
  links?: DownloadLinkSource;
  /** Replaces handlers after recording (e.g. a real-looking settings.get). */
  patch?: (api: PanDeskApi) => PanDeskApi;
  /** Clock of the download tickets. */
  now?: () => number;
}

const EMPTY_PAGE = ok({ total: 0, offset: 0, items: [] });

export async function startHostKit(options: HostKitOptions = {}): Promise<HostKit> {
  const dir = await mkdtemp(join(tmpdir(), 'pandesk-web-'));
  const staticRoot = join(dir, 'dist');
  await mkdir(staticRoot);
  await writeFile(
    join(staticRoot, 'index.html'),
    '<!doctype html><title>PanDesk</title><div id="root"></div>',
  );
  const respond =
    options.respond ??
    (async (channel: string) => (channel === 'transfers:page' ? EMPTY_PAGE : ok({ channel })));
  const { handlers, calls } = createRecordingHandlers(respond);
  const hub = createEventHub();
  const errors: unknown[] = [];
  const stagingRoot = join(dir, 'staging');
  const host = await startWebHost({
    api: options.patch ? options.patch(handlers) : handlers,
    events: hub,
    links: options.links ?? { downloadUrl: async () => ok('http://127.0.0.1:9/unused') },
    staticRoot,
    stagingRoot,
    onError: (error) => errors.push(error),
    stagingCheckMs: 20,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  return {
    host,
    hub,
    calls,
    dir,
    stagingRoot,
    errors,
    close: async () => {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface WsAttempt {
  readonly socket?: WebSocket;
  /** HTTP status of a refused upgrade. */
  readonly status?: number;
}

/** Opens a WebSocket like the page does; resolves with the socket or the refusal status. */
export function connectWs(
  host: WebHost,
  opts: { secret?: string | null; origin?: string | null; path?: string } = {},
): Promise<WsAttempt> {
  const secret = opts.secret === undefined ? host.secret : opts.secret;
  const protocols = secret === null ? [WS_PROTOCOL] : [WS_PROTOCOL, WS_SECRET_PREFIX + secret];
  const origin = opts.origin === undefined ? host.origin : opts.origin;
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}${opts.path ?? '/ws'}`,
    protocols,
    origin === null ? {} : { origin },
  );
  return new Promise((resolve) => {
    socket.once('open', () => resolve({ socket }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      socket.terminate();
    });
    socket.once('error', () => resolve({ status: -1 }));
  });
}

/** Runs `use` with a contract client over a fresh authorised WebSocket. */
async function withClient<T>(host: WebHost, use: (client: ApiClient) => Promise<T>): Promise<T> {
  const { socket, status } = await connectWs(host);
  if (socket === undefined) throw new Error(`the socket was refused (${status})`);
  const client = createApiClient(createTextTransport(toTextPort(socket)));
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

/** Mints a browser download link over the WebSocket, as the page does (`app.downloadLink`). */
export function mintDownloadLink(host: WebHost, fileId: number, inline = false): Promise<DownloadLink> {
  return withClient(host, async (client) =>
    unwrap(await client.app.downloadLink(inline ? { fileId, inline } : { fileId })),
  );
}

/** Mints a preview URL over the WebSocket, as the page does (`app.previewUrl`). */
export function mintPreviewUrl(host: WebHost, fileId: number): Promise<PreviewUrl> {
  return withClient(host, async (client) => unwrap(await client.app.previewUrl({ fileId })));
}
