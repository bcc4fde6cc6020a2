import type { ConnectionSettings } from '@pandesk/contract';
import type { Credentials } from '@pandesk/open-api';

/**
 * Which way to authenticate with the stored connection settings. Developer credentials come
 * first (the app can mint and re-mint tokens itself); an OAuth refresh token next; a pasted
 * access token last (it cannot be renewed).
 */
export function toCredentials(connection: ConnectionSettings): Credentials {
  const { clientId, clientSecret, accessToken, refreshToken } = connection;
  if (clientId !== '' && refreshToken !== null) {
    return clientSecret === null
      ? { kind: 'oauth', clientId, refreshToken }
      : { kind: 'oauth', clientId, clientSecret, refreshToken };
  }
  if (clientId !== '' && clientSecret !== null) return { kind: 'client', clientId, clientSecret };
  if (accessToken !== null) return { kind: 'token', accessToken };
  return { kind: 'none' };
}

/** True when the connection holds anything that could sign in. */
export function hasCredentials(connection: ConnectionSettings): boolean {
  return toCredentials(connection).kind !== 'none';
}
