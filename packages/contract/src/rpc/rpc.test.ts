import { describe, expect, it, vi } from 'vitest';
import type { PanDeskApi } from '../api';
import { API_CHANNELS } from '../channels';
import type { Result } from '../errors';
import { ApiException, fail, ok } from '../errors';
import { createEventHub } from '../event-hub';
import type { FolderChange } from '../events';
import { exampleInputFor } from '../testing/example-inputs';
import { createApiClient } from './client';
import { createRecordingHandlers } from '../testing/recording-handlers';
import { serveApi } from '../server/serve';
import type { Serialisation } from './transport';
import { createInMemoryTransportPair } from './transport';

type AnyMethod = (input?: unknown) => Promise<Result<unknown>>;

function methodOf(api: PanDeskApi, domain: string, method: string): AnyMethod {
  return (api as unknown as Record<string, Record<string, AnyMethod>>)[domain]![method]!;
}

function connect(
  handlers: PanDeskApi,
  options: Parameters<typeof serveApi>[2] = {},
  serialisation: Serialisation = 'json',
) {
  const [serverEnd, clientEnd] = createInMemoryTransportPair({ serialisation });
  const served = serveApi(handlers, serverEnd, { validate: true, ...options });
  const client = createApiClient(clientEnd);
  return { served, client, serverEnd, clientEnd };
}

/** Resolves after pending microtasks and one macrotask, i.e. after in-flight in-memory messages land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe.each<Serialisation>(['json', 'clone'])(
  'round trip over the in-memory pair (%s)',
  (serialisation) => {
    it('carries every channel: input reaches the handler, its result comes back', async () => {
      const { handlers, calls } = createRecordingHandlers(async (channel, input) =>
        ok({ channel, echo: input ?? null }),
      );
      const { client } = connect(handlers, {}, serialisation);
      for (const spec of API_CHANNELS) {
        const input = exampleInputFor(spec.domain, spec.method);
        const result = await methodOf(client, spec.domain, spec.method)(input);
        expect(result, spec.channel).toEqual(ok({ channel: spec.channel, echo: input ?? null }));
      }
      expect(calls.map((c) => c.channel)).toEqual(API_CHANNELS.map((c) => c.channel));
    });
  },
);

describe('validation at the edge', () => {
  it('answers invalid_input with a readable message and never calls the handler', async () => {
    const { handlers, calls } = createRecordingHandlers();
    const { client } = connect(handlers);
    const result = await client.files.rename({ id: 5, name: 'a|b' });
    expect(result).toEqual(
      fail(
        'invalid_input',
        'files:rename: name: A name cannot contain any of these characters: " \\ / : * ? | > < (found |).',
        false,
        { reason: 'invalid_request', params: { field: 'name' } },
      ),
    );
    expect(result.ok ? true : result.error.retryable).toBe(false);
    const typed = await methodOf(client, 'files', 'list')({ folderId: 'root' });
    expect(typed.ok ? '' : typed.error.message).toMatch(/^files:list: folderId: /);
    expect(calls).toEqual([]);
  });

  it('hands the handler the parsed value (trimmed secrets, undefined for no input)', async () => {
    const { handlers, calls } = createRecordingHandlers();
    const { client } = connect(handlers);
    await client.settings.setConnection({ clientSecret: '  pasted-secret \n' });
    await client.auth.status();
    expect(calls).toEqual([
      { channel: 'settings:setConnection', input: { clientSecret: 'pasted-secret' } },
      { channel: 'auth:status', input: undefined },
    ]);
  });

  it('passes input through untouched with validate: false', async () => {
    const { handlers, calls } = createRecordingHandlers();
    const { client } = connect(handlers, { validate: false });
    expect((await client.files.rename({ id: 5, name: 'a|b' })).ok).toBe(true);
    expect(calls[0]?.input).toEqual({ id: 5, name: 'a|b' });
  });

  it('answers malformed and unknown calls sent on the raw transport', async () => {
    const { handlers, calls } = createRecordingHandlers();
    const [serverEnd, rawEnd] = createInMemoryTransportPair();
    serveApi(handlers, serverEnd);
    const answers: unknown[] = [];
    rawEnd.onMessage((m) => answers.push(m));
    rawEnd.send({ kind: 'call', id: 1, channel: 'files:format' });
    rawEnd.send({ kind: 'call', id: 2, channel: '__proto__' });
    rawEnd.send({ kind: 'call', id: 3, channel: 42 } as never);
    rawEnd.send({ kind: 'call', id: 'x', channel: 'auth:status' } as never);
    rawEnd.send({ kind: 'result', id: 9, result: ok(1) });
    await vi.waitFor(() => expect(answers).toHaveLength(3));
    await settle();
    const byId = [...answers].sort((a, b) => (a as { id: number }).id - (b as { id: number }).id);
    expect(byId).toEqual([
      {
        kind: 'result',
        id: 1,
        result: fail('unsupported', 'Unknown call: files:format.', false, { reason: 'not_available_here' }),
      },
      {
        kind: 'result',
        id: 2,
        result: fail('unsupported', 'Unknown call: __proto__.', false, { reason: 'not_available_here' }),
      },
      {
        kind: 'result',
        id: 3,
        result: fail('invalid_input', 'The call message is malformed.', false, { reason: 'invalid_request' }),
      },
    ]);
    expect(calls).toEqual([]);
  });
});

describe('handler failures', () => {
  it('turns a thrown error into internal without its message or stack, and reports it to onError', async () => {
    const boom = new Error('token=abc123 leaked in a stack');
    const { handlers } = createRecordingHandlers(async () => {
      throw boom;
    });
    const onError = vi.fn();
    const { client } = connect(handlers, { onError });
    const result = await client.files.quota();
    expect(result).toEqual(
      fail(
        'internal',
        'Something went wrong inside PanDesk while handling files:quota. The log has the details.',
        false,
        { reason: 'internal' },
      ),
    );
    expect(JSON.stringify(result)).not.toMatch(/abc123|stack|at /);
    expect(onError).toHaveBeenCalledWith(boom, 'files:quota');
  });

  it('keeps the code of a thrown ApiException', async () => {
    const { handlers } = createRecordingHandlers(async () => {
      throw new ApiException('name_conflict', 'A folder named "Docs" already exists here.');
    });
    const { client } = connect(handlers);
    expect(await client.files.mkdir({ parentId: 0, name: 'Docs' })).toEqual(
      fail('name_conflict', 'A folder named "Docs" already exists here.'),
    );
  });

  it('turns a handler answer that is not a Result into internal', async () => {
    const onError = vi.fn();
    const { handlers } = createRecordingHandlers(async () => ({ value: 1 }) as never);
    const { client } = connect(handlers, { onError });
    expect((await client.places.list()).ok ? 'ok' : 'failed').toBe('failed');
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('concurrency and closing', () => {
  it('matches results to calls by id when they finish out of order', async () => {
    const gates = new Map<number, (r: Result<unknown>) => void>();
    const { handlers } = createRecordingHandlers(
      (_channel, input) => new Promise((resolve) => gates.set((input as { id: number }).id, resolve)),
    );
    const { client } = connect(handlers);
    const first = client.files.detail({ id: 1 });
    const second = client.files.detail({ id: 2 });
    await vi.waitFor(() => expect(gates.size).toBe(2));
    gates.get(2)!(ok('two'));
    gates.get(1)!(ok('one'));
    expect(await Promise.all([first, second])).toEqual([ok('one'), ok('two')]);
  });

  it('resolves pending and later calls with a retryable disconnected error when the link closes', async () => {
    const { handlers } = createRecordingHandlers(() => new Promise(() => undefined));
    const { client, serverEnd } = connect(handlers);
    const pending = client.transfers.summary();
    await settle();
    serverEnd.close();
    const answer = await pending;
    expect(answer.ok ? null : answer.error).toMatchObject({ code: 'disconnected', retryable: true });
    expect((await client.auth.status()).ok ? null : 'disconnected').toBe('disconnected');
  });

  it('lets the client close the link itself', async () => {
    const { handlers } = createRecordingHandlers();
    const { client, served } = connect(handlers);
    client.close();
    expect((await client.app.info()).ok).toBe(false);
    served.emit('places:changed', []); // dropped silently after close
  });
});

describe('events', () => {
  const change: FolderChange = { folderIds: [0, 14663228], trashChanged: true };

  it('delivers emitted events to every listener, and unsubscribe stops one', async () => {
    const { handlers } = createRecordingHandlers();
    const { served, client } = connect(handlers);
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = client.on('folder:changed', first);
    client.on('folder:changed', second);
    served.emit('folder:changed', change);
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(1));
    expect(first).toHaveBeenCalledWith(change);
    stopFirst();
    served.emit('folder:changed', { folderIds: [1], trashChanged: false });
    await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(2));
    expect(first).toHaveBeenCalledTimes(1);
  });

  it('forwards every event of a source hub and stops forwarding when closed', async () => {
    const hub = createEventHub();
    const { handlers } = createRecordingHandlers();
    const { served, client } = connect(handlers, { events: hub });
    const auth = vi.fn();
    const folders = vi.fn();
    client.on('auth:changed', auth);
    client.on('folder:changed', folders);
    hub.emit('auth:changed', {
      state: 'auth_required',
      problem: 'no_credentials',
      message: 'Enter your client ID and secret.',
    });
    hub.emit('folder:changed', change);
    await vi.waitFor(() => expect(folders).toHaveBeenCalledTimes(1));
    expect(auth).toHaveBeenCalledWith({
      state: 'auth_required',
      problem: 'no_credentials',
      message: 'Enter your client ID and secret.',
    });
    expect(hub.listenerCount('transfers:changed')).toBe(1);
    served.close();
    expect(hub.listenerCount('transfers:changed')).toBe(0);
  });

  it('does not deliver events listeners are not subscribed to', async () => {
    const { handlers } = createRecordingHandlers();
    const { served, client } = connect(handlers);
    const listener = vi.fn();
    client.on('places:changed', listener);
    served.emit('folder:changed', change);
    served.emit('places:changed', []);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(listener).toHaveBeenCalledWith([]);
  });
});
