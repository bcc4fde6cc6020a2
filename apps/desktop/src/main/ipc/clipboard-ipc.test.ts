import { describe, expect, it } from 'vitest';
import type { Result } from '@pandesk/contract';
import { CLIPBOARD_CHANNEL, MAX_CLIPBOARD_CHARS } from '../../common/host-channels';
import type { IpcEventLike } from '../security/sender';
import { bindClipboard } from './clipboard-ipc';

type Listener = (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>;

const OWN = 7;
const fromWindow: IpcEventLike = {
  sender: { id: OWN },
  senderFrame: { url: 'pandesk://app/index.html', parent: null },
};

function setup() {
  const handlers = new Map<string, Listener>();
  const written: string[] = [];
  const refused: string[] = [];
  const unbind = bindClipboard({
    ipcMain: {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    clipboard: { writeText: (text) => void written.push(text) },
    ownContentsId: () => OWN,
    onRefused: (channel, verdict) => refused.push(`${channel}:${verdict.reason}`),
  });
  const call = (event: IpcEventLike, ...args: unknown[]) =>
    handlers.get(CLIPBOARD_CHANNEL)!(event, ...args) as Promise<Result<null>>;
  return { handlers, written, refused, unbind, call };
}

describe('clipboard IPC', () => {
  it("writes our window's text to the clipboard", async () => {
    const { call, written } = setup();
    expect(await call(fromWindow, 'https://www.123pan.com/s/abc (extraction code: k3p9)')).toEqual({
      ok: true,
      value: null,
    });
    expect(written).toEqual(['https://www.123pan.com/s/abc (extraction code: k3p9)']);
  });

  it('refuses other senders and frames without writing, and logs only the reason', async () => {
    const { call, written, refused } = setup();
    const other = await call({ sender: { id: 99 }, senderFrame: fromWindow.senderFrame }, 'x');
    const foreign = await call(
      { sender: { id: OWN }, senderFrame: { url: 'https://evil.example/', parent: null } },
      'y',
    );
    const sub = await call(
      { sender: { id: OWN }, senderFrame: { url: 'pandesk://app/index.html', parent: {} } },
      'z',
    );
    for (const answer of [other, foreign, sub])
      expect(answer).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(written).toEqual([]);
    expect(refused).toEqual([
      `${CLIPBOARD_CHANNEL}:other_contents`,
      `${CLIPBOARD_CHANNEL}:foreign_url`,
      `${CLIPBOARD_CHANNEL}:sub_frame`,
    ]);
  });

  it('takes exactly one text of bounded length', async () => {
    const { call, written } = setup();
    for (const args of [[], [42], ['a', 'b'], ['x'.repeat(MAX_CLIPBOARD_CHARS + 1)]])
      expect(await call(fromWindow, ...args)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(written).toEqual([]);
  });

  it('unbinds its channel', () => {
    const { handlers, unbind } = setup();
    expect([...handlers.keys()]).toEqual([CLIPBOARD_CHANNEL]);
    unbind();
    expect(handlers.size).toBe(0);
  });
});
