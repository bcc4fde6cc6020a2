import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECTION, toConnectionView } from './settings';

// The compile-time half (no result or event type may carry a secret) is secrets.test-d.ts.
describe('the connection view', () => {
  it('strips secrets at run time, keeping presence flags', () => {
    const view = toConnectionView({
      ...EMPTY_CONNECTION,
      clientSecret: 'x',
      accessToken: 'y',
      refreshToken: 'z',
    });
    expect(Object.keys(view).sort()).toEqual([
      'clientId',
      'hasAccessToken',
      'hasClientSecret',
      'hasRefreshToken',
      'rootFolderId',
    ]);
    expect(view).toMatchObject({ hasAccessToken: true, hasClientSecret: true, hasRefreshToken: true });
  });
});
