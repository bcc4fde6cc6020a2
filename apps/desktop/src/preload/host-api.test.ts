import { describe, expect, it } from 'vitest';
import { API_CHANNELS, EVENT_NAMES } from '@pandesk/contract';
import { createBridge, createHostApi } from './host-api';
import type { IpcRendererLike } from './host-api';

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    off: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'secret ipc event' }, payload);
  };
  return { ipc, invoked, listeners, emit };
}

describe('preload bridge', () => {
  it('exposes exactly the channel table, each invoking its own channel with at most one input', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createBridge(ipc) as unknown as Record<
      string,
      Record<string, (i?: unknown) => Promise<unknown>>
    >;
    const exposed = Object.entries(bridge)
      .filter(([key]) => key !== 'on')
      .flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}:${m}`));
    expect(exposed.sort()).toEqual(API_CHANNELS.map((c) => c.channel).sort());
    await bridge.files?.list?.({ folderId: 0 });
    await bridge.auth?.status?.();
    expect(invoked).toEqual([['files:list', { folderId: 0 }], ['auth:status']]);
  });

  it('delivers only payloads of contract events, never the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const off = bridge.on('places:changed', (p) => seen.push(p));
    emit('places:changed', []);
    expect(seen).toEqual([[]]);
    off();
    emit('places:changed', [1]);
    expect(seen).toHaveLength(1);
    const offOther = bridge.on('not:an-event' as never, () => seen.push('x'));
    expect(listeners.has('not:an-event')).toBe(false);
    offOther();
    expect(EVENT_NAMES).toContain('places:changed');
  });

  it('host functions map files to paths and start drags through the contract', async () => {
    const { ipc, invoked } = fakeIpc();
    const host = createHostApi(createBridge(ipc), (f) => `/local/${f.name}`, ipc);
    expect(host.pathForFile(new File(['x'], 'a.txt'))).toBe('/local/a.txt');
    await host.startDrag(['/d/a.txt']);
    expect(invoked).toEqual([['app:startDrag', { paths: ['/d/a.txt'] }]]);
  });

  it('writes the clipboard through its own channel and rejects with the refusal', async () => {
    const { ipc, invoked } = fakeIpc();
    const host = createHostApi(createBridge(ipc), () => '', ipc);
    await host.writeClipboard('https://www.123pan.com/s/abc');
    expect(invoked).toEqual([['host:clipboard-write', 'https://www.123pan.com/s/abc']]);
    const refusing = createHostApi(createBridge(ipc), () => '', {
      invoke: async () => ({
        ok: false,
        error: { code: 'unsupported', message: 'not your window', retryable: false },
      }),
    });
    await expect(refusing.writeClipboard('x')).rejects.toThrow('not your window');
    const odd = createHostApi(createBridge(ipc), () => '', { invoke: async () => 'what' });
    await expect(odd.writeClipboard('x')).rejects.toThrow('could not be written');
  });
});
