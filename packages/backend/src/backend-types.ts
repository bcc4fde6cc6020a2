import type { PanDeskApi, PanDeskEventHub, PanDeskEventSource } from '@pandesk/contract';

/** A running back end: the contract's handlers, its event hub, and the means to stop it. */
export interface Backend {
  /** Every handler resolves to a Result and never rejects (inputs are NOT validated here: use `serveApi`/`createDispatcher`). */
  readonly api: PanDeskApi;
  /** Events the back end emits (`folder:changed`, `transfers:changed` ...); hosts forward them. */
  readonly events: PanDeskEventHub;
  readonly on: PanDeskEventSource['on'];
  /**
   * Writes an unexpected error to the redacting daily log. Pass it as `onError` to
   * `createDispatcher` / `serveApi` so internal failures are recorded without reaching the renderer.
   */
  logError(error: unknown, context: string): void;
  /** Stops transfers (they resume next start), the demo drive and the log; idempotent. */
  close(): Promise<void>;
}
