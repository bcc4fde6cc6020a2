/**
 * The contract's `settings` and `auth` domains. A connection change signs in again in the
 * background (`connecting`, then the new state as `auth:changed`), so entering credentials
 * while on the demo drive is one step: the demo stops and the real drive opens.
 */
import { ok } from '@pandesk/contract';
import type { AuthApi, PanDeskEventHub, Settings, SettingsApi } from '@pandesk/contract';
import type { AuthService } from '../auth/auth-service';
import { hasCredentials, toCredentials } from '../auth/credentials';
import { mapErrors } from '../errors/map-error';
import type { Logger } from '../log/daily-log';
import type { SettingsService } from './settings-service';

export interface SettingsApiOptions {
  settings: SettingsService;
  auth: AuthService;
  events: PanDeskEventHub;
  logger: Logger;
  onSettingsApplied: (settings: Settings) => void;
  /** Tracks background work so close() can wait for it. */
  track: (work: Promise<unknown>) => void;
}

export function createSettingsApi(options: SettingsApiOptions): SettingsApi {
  const { settings, events } = options;
  const changed = () => {
    const view = settings.view();
    events.emit('settings:changed', view);
    return view;
  };
  return {
    get: async () => ok(settings.view()),
    update: (patch) =>
      mapErrors(async () => {
        await settings.update(patch);
        options.onSettingsApplied(settings.settings());
        return changed();
      }).then(ok),
    setConnection: (patch) =>
      mapErrors(async () => {
        const before = JSON.stringify(toCredentials(settings.connection()));
        const next = await settings.setConnection(patch, (candidate) =>
          options.auth.acceptConnection(candidate),
        );
        options.logger.info('connection settings changed');
        if (JSON.stringify(toCredentials(next)) !== before) await options.auth.forgetToken();
        if (hasCredentials(next) || options.auth.mode() === 'real') options.track(options.auth.reconnect());
        return changed();
      }).then(ok),
  };
}

export function createAuthApi(options: Pick<SettingsApiOptions, 'auth' | 'settings' | 'events'>): AuthApi {
  const { auth } = options;
  return {
    status: async () => ok(auth.status()),
    signIn: () => mapErrors(() => auth.signIn()).then(ok),
    signOut: () =>
      mapErrors(async () => {
        const status = await auth.signOut();
        options.events.emit('settings:changed', options.settings.view());
        return status;
      }).then(ok),
    useDemo: () => mapErrors(() => auth.useDemo()).then(ok),
  };
}
