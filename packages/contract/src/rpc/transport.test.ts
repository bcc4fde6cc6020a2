import { describe, expect, it, vi } from 'vitest';
import { ok } from '../errors';
import { createInMemoryTransportPair } from './transport';

describe('createInMemoryTransportPair', () => {
  it('delivers in order, asynchronously, as a JSON copy by default', async () => {
    const [a, b] = createInMemoryTransportPair();
    const received: unknown[] = [];
    b.onMessage((m) => received.push(m));
    const input = { folderId: 1, extra: undefined as unknown };
    a.send({ kind: 'call', id: 1, channel: 'files:list', input });
    a.send({ kind: 'call', id: 2, channel: 'auth:status' });
    expect(received).toEqual([]);
    input.folderId = 99; // a later mutation by the sender must not leak through
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(received[0]).toEqual({ kind: 'call', id: 1, channel: 'files:list', input: { folderId: 1 } });
    expect(Object.keys((received[0] as { input: object }).input)).toEqual(['folderId']);
    expect((received[1] as { id: number }).id).toBe(2);
  });

  it('keeps undefined with structured-clone serialisation, like Electron IPC', async () => {
    const [a, b] = createInMemoryTransportPair({ serialisation: 'clone' });
    const received: unknown[] = [];
    b.onMessage((m) => received.push(m));
    a.send({ kind: 'result', id: 1, result: ok({ x: undefined }) });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(Object.keys((received[0] as { result: { value: object } }).result.value)).toEqual(['x']);
  });

  it('closes both ends once and drops later messages', async () => {
    const [a, b] = createInMemoryTransportPair();
    const closedA = vi.fn();
    const closedB = vi.fn();
    a.onClose(closedA);
    b.onClose(closedB);
    const received = vi.fn();
    a.onMessage(received);
    b.send({ kind: 'event', event: 'places:changed', payload: [] });
    b.close();
    b.close();
    a.close();
    b.send({ kind: 'event', event: 'places:changed', payload: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(closedA).toHaveBeenCalledTimes(1);
    expect(closedB).toHaveBeenCalledTimes(1);
    expect(received).not.toHaveBeenCalled();
  });
});
