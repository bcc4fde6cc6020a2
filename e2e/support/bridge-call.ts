import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/**
 * Calls one contract channel through the host's own WebSocket, as the page's bridge does
 * (same launch key, same origin). For arranging state the spec is not about (settings, places);
 * what a spec tests goes through the UI.
 */
export async function callBridge(app: Page, channel: string, input: unknown): Promise<unknown> {
  const answer = await app.evaluate(
    async ({ channel, input }) => {
      const key = sessionStorage.getItem('pandesk.launchKey') ?? '';
      const ws = new WebSocket(`ws://${location.host}/ws`, ['pandesk', `k.${key}`]);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const reply = new Promise<string>((resolve) => {
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { kind: string; id?: number };
          if (message.kind === 'result' && message.id === 1) resolve(String(event.data));
        };
      });
      ws.send(JSON.stringify({ kind: 'call', id: 1, channel, input }));
      const text = await reply;
      ws.close();
      return text;
    },
    { channel, input },
  );
  const parsed = JSON.parse(answer) as { result?: { ok?: boolean; value?: unknown } };
  expect(parsed, `${channel} answered`).toMatchObject({ result: { ok: true } });
  return parsed.result?.value;
}

/** `settings:update` with a patch of preferences (language, theme, concurrency…). */
export async function updateSettings(app: Page, patch: Record<string, unknown>): Promise<void> {
  await callBridge(app, 'settings:update', patch);
}
