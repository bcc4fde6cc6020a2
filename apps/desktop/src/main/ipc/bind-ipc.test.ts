import { describe, expect, it } from 'vitest';
import { API_CHANNELS } from '@pandesk/contract';
import { createDispatcher } from '@pandesk/contract/server';
import { EXAMPLE_INPUTS, createRecordingHandlers } from '@pandesk/contract/testing';
import type { Result } from '@pandesk/contract';
import { bindIpc } from './bind-ipc';
import type { IpcMainLike } from './bind-ipc';
import type { IpcEventLike } from '../security/sender';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

/** An ipcMain stand-in with Electron's rule that a channel is handled at most once. */
function createFakeIpcMain(): IpcMainLike & { handlers: Map<string, Listener> } {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
}

const OWN = 3;
const fromWindow: IpcEventLike = {
  sender: { id: OWN },
  senderFrame: { url: 'pandesk://app/index.html', parent: null },
};

function setup() {
  const ipcMain = createFakeIpcMain();
  const { handlers, calls } = createRecordingHandlers();
  const refused: string[] = [];
  const unbind = bindIpc({
    ipcMain,
    dispatch: createDispatcher(handlers),
    ownContentsId: () => OWN,
    onRefused: (channel, verdict) => refused.push(`${channel}:${verdict.reason}`),
  });
  const call = (channel: string, event: IpcEventLike, ...args: unknown[]): Promise<Result<unknown>> => {
    const listener = ipcMain.handlers.get(channel);
    if (listener === undefined) throw new Error(`unbound ${channel}`);
    return listener(event, ...args) as Promise<Result<unknown>>;
  };
  return { ipcMain, calls, refused, unbind, call };
}

function exampleInput(domain: string, method: string): unknown {
  return (EXAMPLE_INPUTS as unknown as Record<string, Record<string, unknown>>)[domain]?.[method];
}

describe('IPC binding', () => {
  it('binds every channel of the table exactly once, and unbinds them all', () => {
    const { ipcMain, unbind } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(API_CHANNELS.map((c) => c.channel).sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('round-trips a valid input on every channel to its handler', async () => {
    const { call, calls } = setup();
    for (const { channel, domain, method } of API_CHANNELS) {
      const answer = await call(channel, fromWindow, exampleInput(domain, method));
      expect(answer, channel).toEqual({ ok: true, value: { channel } });
    }
    expect(calls.map((c) => c.channel)).toEqual(API_CHANNELS.map((c) => c.channel));
  });

  it('rejects an invalid input with a validation error before any handler runs', async () => {
    const { call, calls } = setup();
    const bad = await call('files:rename', fromWindow, { id: -1, name: 'x', extra: true });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    const noInput = await call('auth:status', fromWindow, { sneaky: 1 });
    expect(noInput.ok).toBe(false);
    const secret = await call('settings:setConnection', fromWindow, { clientSecret: 'has space s3cr3t' });
    expect(secret.ok).toBe(false);
    if (!secret.ok) expect(secret.error.message).not.toContain('s3cr3t');
    expect(calls).toEqual([]);
  });

  it('refuses more than one argument', async () => {
    const { call, calls } = setup();
    const answer = await call('files:list', fromWindow, { folderId: 0 }, 'extra');
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(calls).toEqual([]);
  });

  it.each([
    [
      'another webContents',
      { sender: { id: 99 }, senderFrame: { url: 'pandesk://app/index.html', parent: null } },
    ],
    ['a sub-frame', { sender: { id: OWN }, senderFrame: { url: 'pandesk://app/index.html', parent: {} } }],
    ['a foreign page', { sender: { id: OWN }, senderFrame: { url: 'https://example.com/', parent: null } }],
    ['a gone frame', { sender: { id: OWN }, senderFrame: null }],
  ] as const)('refuses %s without calling the back end', async (_name, event) => {
    const { call, calls, refused } = setup();
    const answer = await call('files:list', event, { folderId: 0 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported', retryable: false } });
    expect(calls).toEqual([]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^files:list:/);
  });

  it('refuses every caller while no window exists', async () => {
    const ipcMain = createFakeIpcMain();
    const { handlers, calls } = createRecordingHandlers();
    bindIpc({ ipcMain, dispatch: createDispatcher(handlers), ownContentsId: () => undefined });
    const listener = ipcMain.handlers.get('auth:status');
    const answer = (await listener?.(fromWindow)) as Result<unknown>;
    expect(answer.ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
