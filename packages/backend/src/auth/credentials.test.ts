import { EMPTY_CONNECTION } from '@pandesk/contract';
import { describe, expect, it } from 'vitest';
import { hasCredentials, toCredentials } from './credentials';

describe('toCredentials', () => {
  it('prefers a refresh token, then developer credentials, then a pasted token', () => {
    const all = {
      ...EMPTY_CONNECTION,
      clientId: 'c',
      clientSecret: 's',
      accessToken: 'a',
      refreshToken: 'r',
    };
    expect(toCredentials(all)).toEqual({
      kind: 'oauth',
      clientId: 'c',
      clientSecret: 's',
      refreshToken: 'r',
    });
    expect(toCredentials({ ...all, refreshToken: null })).toEqual({
      kind: 'client',
      clientId: 'c',
      clientSecret: 's',
    });
    expect(toCredentials({ ...all, refreshToken: null, clientSecret: null })).toEqual({
      kind: 'token',
      accessToken: 'a',
    });
    expect(toCredentials({ ...all, clientId: '', refreshToken: null })).toEqual({
      kind: 'token',
      accessToken: 'a',
    });
  });

  it('reports nothing usable for an empty connection or an id alone', () => {
    expect(hasCredentials(EMPTY_CONNECTION)).toBe(false);
    expect(hasCredentials({ ...EMPTY_CONNECTION, clientId: 'c' })).toBe(false);
  });
});
