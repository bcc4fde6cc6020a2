import type { FileId, PanDeskApi, PanDeskEventHub, PanDeskEventSource, Result } from '@pandesk/contract';

/** A running back end: the contract's handlers, its event hub, and the means to stop it. */
export interface Backend {
  /** Every handler resolves to a Result and never rejects (inputs are NOT validated here: use `serveApi`/`createDispatcher`). */
  readonly api: PanDeskApi;
  /** Events the back end emits (`folder:changed`, `transfers:changed` ...); hosts forward them. */
  readonly events: PanDeskEventHub;
  readonly on: PanDeskEventSource['on'];
  /** Words for the host's console about the start (e.g. why `initialConnection` was refused); never a secret. */
  readonly notes: readonly string[];
  /**
   * Writes an unexpected error to the redacting daily log. Pass it as `onError` to
   * `createDispatcher` / `serveApi` so internal failures are recorded without reaching the renderer.
   */
  logError(error: unknown, context: string): void;
  /**
   * A fresh signed CDN URL for one file (through the download proxy prefix when the download
   * method is `proxy_url`), for a host that lets the browser download directly (302 or local
   * proxy). HOST ONLY: it is a secret-bearing URL; never put it in an API result or event.
   */
  downloadUrl(fileId: FileId): Promise<Result<string>>;
  /**
   * The fetch for the bytes behind `downloadUrl`: through the `httpProxy` setting like every
   * other request of the drive (never for the demo drive on loopback). Hosts that stream a
   * file themselves (the browser host's routes, the desktop preview scheme) use it, so the
   * user's proxy applies to those bytes too.
   */
  readonly cdnFetch: typeof fetch;
  /** Stops transfers (they resume next start), the demo drive and the log; idempotent. */
  close(): Promise<void>;
}
