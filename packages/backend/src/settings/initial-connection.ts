import type { ConnectionPatch } from '@pandesk/contract';
import { toCredentials } from '../auth/credentials';
import { toApiException } from '../errors/map-error';
import type { Logger } from '../log/daily-log';
import type { SettingsService } from './settings-service';

export interface InitialConnectionInput {
  /** `ports.initialConnection`: credentials the host hands over at start. */
  readonly patch: ConnectionPatch | undefined;
  readonly settings: SettingsService;
  readonly logger: Logger;
  /** Drops the stored token, so changed credentials are really tested. */
  readonly forgetToken: () => Promise<void>;
}

/**
 * Stores the host's connection settings before the first sign-in, so the start signs in to
 * that account in the background instead of opening the demo drive first. Where no secret
 * storage exists the secrets are used only until the process ends (the host hands them over again
 * on every start). Answers notes for the host's console: how the secrets are kept when not
 * saved, or why the settings were refused; never a secret.
 */
export async function applyInitialConnection(input: InitialConnectionInput): Promise<string[]> {
  if (input.patch === undefined) return [];
  try {
    const before = JSON.stringify(toCredentials(input.settings.connection()));
    const session = !input.settings.canKeepSecrets();
    const next = await input.settings.setConnection(
      session ? { ...input.patch, sessionOnly: true } : input.patch,
    );
    if (JSON.stringify(toCredentials(next)) !== before) await input.forgetToken();
    await input.settings.setUseDemo(false);
    input.logger.info('connection settings applied from the host at start');
    return session
      ? [
          'The connection given at start is used only until PanDesk stops: there is no secure storage, so its secrets are not saved.',
        ]
      : [];
  } catch (error) {
    input.logger.warn('the connection settings from the host were refused', error);
    return [`Could not save the connection given at start: ${toApiException(error).message}`];
  }
}
