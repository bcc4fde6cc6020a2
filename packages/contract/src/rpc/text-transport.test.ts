import { describe, expect, it, vi } from 'vitest';
import type { Unsubscribe } from '../events';
import { fail, ok } from '../errors';
import { createRecordingHandlers } from '../testing/recording-handlers';
import { createApiClient } from './client';
import { serveApi } from '../server/serve';
import { createTextTransport } from './text-transport';
import type { TextPort } from './text-transport';

/** A fake socket end recording what was sent and letting the test push text in. */
function createFakePort() {
  const textListeners = new Set<(text: string) => void>();
  const closeListeners = new Set<() => void>();
  const sent: string[] = [];
  const port: TextPort = {
    send: (text) => void sent.push(text),
    onText: (l): Unsubscribe => (textListeners.add(l), () => void textListeners.delete(l)),
    onClose: (l): Unsubscribe => (closeListeners.add(l), () => void closeListeners.delete(l)),
    close: () => closeListeners.forEach((l) => l()),
  };
  return { port, sent, push: (text: string) => textListeners.forEach((l) => l(text)) };
}

describe('createTextTransport', () => {
  it('sends JSON and parses incoming JSON', () => {
    const { port, sent, push } = createFakePort();
    const transport = createTextTransport(port);
    const received = vi.fn();
    transport.onMessage(received);
    transport.send({ kind: 'call', id: 1, channel: 'auth:status' });
    push('{"kind":"result","id":1,"result":{"ok":true,"value":null}}');
    expect(sent).toEqual(['{"kind":"call","id":1,"channel":"auth:status"}']);
    expect(received).toHaveBeenCalledWith({ kind: 'result', id: 1, result: ok(null) });
  });

  it('drops text that is not JSON or too long, and says why without the text', () => {
    const { port, push } = createFakePort();
    const onInvalid = vi.fn();
    const transport = createTextTransport(port, { maxMessageLength: 20, onInvalid });
    const received = vi.fn();
    transport.onMessage(received);
    push('{not json');
    push(`"${'x'.repeat(30)}"`);
    expect(received).not.toHaveBeenCalled();
    expect(onInvalid.mock.calls).toEqual([['not_json'], ['too_long']]);
  });

  it('answers an unserialisable result with internal instead of leaving the caller waiting', () => {
    const { port, sent } = createFakePort();
    const transport = createTextTransport(port);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    transport.send({ kind: 'result', id: 4, result: ok(cyclic) });
    transport.send({ kind: 'event', event: 'places:changed', payload: cyclic });
    expect(sent.map((t) => JSON.parse(t) as unknown)).toEqual([
      {
        kind: 'result',
        id: 4,
        result: fail('internal', 'The answer could not be sent.', false, { reason: 'internal' }),
      },
    ]);
  });

  it('stops sending once the port closed', () => {
    const { port, sent } = createFakePort();
    const transport = createTextTransport(port);
    const closed = vi.fn();
    transport.onClose(closed);
    port.close();
    transport.send({ kind: 'call', id: 1, channel: 'auth:status' });
    expect(sent).toEqual([]);
    expect(closed).toHaveBeenCalledTimes(1);
  });
});

describe('serveApi and createApiClient over text ports', () => {
  it('round-trips a call and an event through JSON strings', async () => {
    const a = createFakePort();
    const b = createFakePort();
    // Cross-wire: what one end sends arrives, asynchronously, at the other.
    a.port.send = (text) => queueMicrotask(() => b.push(text));
    b.port.send = (text) => queueMicrotask(() => a.push(text));
    const { handlers, calls } = createRecordingHandlers(async () =>
      ok({ items: [], cursor: null, folderId: 7 }),
    );
    const served = serveApi(handlers, createTextTransport(a.port));
    const client = createApiClient(createTextTransport(b.port));
    expect(await client.files.list({ folderId: 7 })).toEqual(ok({ items: [], cursor: null, folderId: 7 }));
    expect(calls).toEqual([{ channel: 'files:list', input: { folderId: 7 } }]);
    const listener = vi.fn();
    client.on('folder:changed', listener);
    served.emit('folder:changed', { folderIds: [7], trashChanged: false });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith({ folderIds: [7], trashChanged: false }));
  });
});
