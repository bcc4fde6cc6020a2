import { describe, expect, it, vi } from 'vitest';
import { API_CHANNELS } from '../channels';
import { fail, ok } from '../errors';
import { createEventHub } from '../event-hub';
import { createApiProxy } from './client';

describe('createApiProxy (what the Electron preload builds)', () => {
  it('exposes every channel as a plain function on a plain object, plus on()', async () => {
    const invoke = vi.fn(async (channel: string) => ok(channel));
    const hub = createEventHub();
    const bridge = createApiProxy({ invoke, on: hub.on });
    for (const { domain, method, channel } of API_CHANNELS) {
      const group = (bridge as unknown as Record<string, Record<string, unknown>>)[domain]!;
      expect(Object.getPrototypeOf(group), domain).toBe(Object.prototype);
      expect(typeof group[method], channel).toBe('function');
    }
    expect(await bridge.files.list({ folderId: 3 })).toEqual(ok('files:list'));
    expect(invoke).toHaveBeenCalledWith('files:list', { folderId: 3 });
    const listener = vi.fn();
    bridge.on('auth:changed', listener)();
    hub.emit('auth:changed', {
      state: 'auth_required',
      problem: 'rejected',
      message: 'Check the client secret.',
    });
    expect(listener).not.toHaveBeenCalled();
  });

  it('turns a rejected invoke into disconnected and a malformed answer into internal', async () => {
    const hub = createEventHub();
    const rejecting = createApiProxy({ invoke: () => Promise.reject(new Error('ipc gone')), on: hub.on });
    expect(await rejecting.auth.status()).toEqual(
      fail('disconnected', "PanDesk's back end could not be reached for auth:status.", true, {
        reason: 'disconnected',
      }),
    );
    const garbled = createApiProxy({ invoke: async () => ({ ok: 'yes' }), on: hub.on });
    expect(await garbled.app.info()).toEqual(
      fail('internal', 'The answer to app:info was malformed.', false, { reason: 'internal' }),
    );
  });
});
