/**
 * The renderer must never be able to receive a secret: no result of any API method and no
 * event payload may have a secret-looking key, at any depth. Checked by vitest's typecheck
 * mode (`vitest.config.ts` runs `*.test-d.ts` through tsc), so `pnpm test` fails when a type
 * gains such a key, and the detector is proven on the back-end-only ConnectionSettings.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ApiDomain, PanDeskApi } from './api';
import type { ApiMethod, OutputOf } from './channels';
import type { EventName, PanDeskEvents } from './events';
import type { DirectLinkSigningPatch } from './direct-links';
import type { ConnectionSettings } from './settings';

type SecretKey =
  | 'clientSecret'
  | 'accessToken'
  | 'refreshToken'
  | 'token'
  | 'secret'
  | 'password'
  | 'authorization'
  | 'privateKey';

/** Every secret-looking key anywhere inside T (through arrays and nested objects). */
type SecretKeysIn<T> = T extends string | number | boolean | null | undefined
  ? never
  : T extends readonly (infer U)[]
    ? SecretKeysIn<U>
    : { [K in keyof T]-?: K extends SecretKey ? K : SecretKeysIn<T[K]> }[keyof T];

type AllOutputs = {
  [D in ApiDomain]: { [M in ApiMethod<D>]: OutputOf<PanDeskApi[D][M]> }[ApiMethod<D>];
}[ApiDomain];
type AllEventPayloads = PanDeskEvents[EventName];

describe('no secret can cross to the renderer', () => {
  it('no API result has a secret-looking key', () => {
    expectTypeOf<SecretKeysIn<AllOutputs>>().toBeNever();
  });

  it('no event payload has one', () => {
    expectTypeOf<SecretKeysIn<AllEventPayloads>>().toBeNever();
  });

  it('every method and event has a real type (a mistyped one would collapse to never and hide secrets)', () => {
    expectTypeOf<AllOutputs>().not.toBeNever();
    expectTypeOf<AllEventPayloads>().not.toBeNever();
  });

  it('the detector finds the secrets of the back-end-only connection settings', () => {
    expectTypeOf<SecretKeysIn<ConnectionSettings>>().toEqualTypeOf<
      'clientSecret' | 'accessToken' | 'refreshToken'
    >();
    expectTypeOf<SecretKeysIn<{ a: { b: readonly { password: string }[] } }>>().toEqualTypeOf<'password'>();
  });

  it('the detector finds the direct-link private key, which only travels towards the back end', () => {
    expectTypeOf<SecretKeysIn<DirectLinkSigningPatch>>().toEqualTypeOf<'privateKey'>();
  });
});
