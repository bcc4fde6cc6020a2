import { ok } from '@pandesk/contract';
import type { Dispatch } from '@pandesk/contract/server';
import { describe, expect, it } from 'vitest';
import { createDeferredDispatch } from './deferred-dispatch';

describe('createDeferredDispatch', () => {
  it('holds calls until the back end is ready, then answers them in order', async () => {
    let ready!: (dispatch: Dispatch) => void;
    const deferred = createDeferredDispatch(new Promise<Dispatch>((resolve) => (ready = resolve)));
    const answered: string[] = [];
    const first = deferred('auth:status', undefined).then((r) => answered.push(`first ${JSON.stringify(r)}`));
    const second = deferred('files:list', { folderId: 0 }).then((r) =>
      answered.push(`second ${JSON.stringify(r)}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answered).toEqual([]);
    ready(async (channel, input) => ok({ channel, input }));
    await Promise.all([first, second]);
    expect(answered).toEqual([
      'first {"ok":true,"value":{"channel":"auth:status"}}',
      'second {"ok":true,"value":{"channel":"files:list","input":{"folderId":0}}}',
    ]);
  });

  it('answers an internal error, without details, when the back end could not start', async () => {
    const deferred = createDeferredDispatch(Promise.reject(new Error('disk full at /secret/path')));
    const answer = await deferred('auth:status', undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', retryable: false } });
    expect(JSON.stringify(answer)).not.toContain('/secret/path');
  });
});
