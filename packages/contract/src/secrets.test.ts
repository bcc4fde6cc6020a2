import { describe, expect, it } from 'vitest';
import type { ApiDomain, PanDeskApi } from './api';
import type { ApiMethod, OutputOf } from './channels';
import type { EventName, PanDeskEvents } from './events';
import type { ConnectionSettings } from './settings';
import { EMPTY_CONNECTION, toConnectionView } from './settings';

/**
 * The renderer must never be able to receive a secret. These checks run at compile time
 * (`pnpm typecheck` fails if a result or event type gains a secret-looking key) and the
 * detector itself is proven to work on the back-end-only ConnectionSettings type.
 */
type SecretKey =
  'clientSecret' | 'accessToken' | 'refreshToken' | 'token' | 'secret' | 'password' | 'authorization';

type SecretKeysIn<T> = T extends string | number | boolean | null | undefined
  ? never
  : T extends readonly (infer U)[]
    ? SecretKeysIn<U>
    : { [K in keyof T]-?: K extends SecretKey ? K : SecretKeysIn<T[K]> }[keyof T];

type AllOutputs = {
  [D in ApiDomain]: { [M in ApiMethod<D>]: OutputOf<PanDeskApi[D][M]> }[ApiMethod<D>];
}[ApiDomain];
type AllEventPayloads = PanDeskEvents[EventName];

const outputsAreSecretFree: [SecretKeysIn<AllOutputs>] extends [never] ? true : false = true;
const eventsAreSecretFree: [SecretKeysIn<AllEventPayloads>] extends [never] ? true : false = true;
const detectorWorks: SecretKeysIn<ConnectionSettings> = 'clientSecret';
// Every method has a real output type (a mistyped method would collapse to never and hide secrets).
const outputsAreResolved: [AllOutputs] extends [never] ? false : true = true;

describe('no secrets cross to the renderer', () => {
  it('holds for every result and event type (compile-time checks above)', () => {
    expect([outputsAreSecretFree, eventsAreSecretFree, outputsAreResolved]).toEqual([true, true, true]);
    expect(detectorWorks).toBe('clientSecret');
  });

  it('strips secrets at run time too', () => {
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
  });
});
