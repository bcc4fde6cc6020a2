import { ApiException } from '@pandesk/contract';
import { PanError } from '@pandesk/open-api';
import { SyncRemoteError } from '@pandesk/sync';
import { describe, expect, it } from 'vitest';
import { toSyncRemoteError } from './sync-remote';

describe('toSyncRemoteError', () => {
  it("passes on the reason, params and service words open-api named, with the failure's kind", () => {
    const error = toSyncRemoteError(
      new PanError('quota', 'files.create: space used up', {
        reason: 'space_exhausted',
        serviceCode: 5112,
        serviceMessage: '空间不足',
      }),
    );
    expect(error).toBeInstanceOf(SyncRemoteError);
    expect(error).toMatchObject({
      kind: 'other',
      message: 'space used up',
      facts: { reason: 'space_exhausted', detail: { serviceCode: 5112, serviceMessage: '空间不足' } },
    });
  });

  it('stops the run on lost sign-in and the network, keeping the reason', () => {
    expect(toSyncRemoteError(new PanError('network', 'down'))).toMatchObject({ kind: 'network' });
    expect(toSyncRemoteError(ApiException.because('auth_lost', 'signed out'))).toMatchObject({
      kind: 'auth',
      facts: { reason: 'auth_lost' },
    });
  });
});
