import type { AuthStatus } from '@pandesk/contract';
import { startDemoSession } from '../drive/drive-session';
import type { ClientSettings, DriveSession } from '../drive/drive-session';
import type { Logger } from '../log/daily-log';
import { NO_CREDENTIALS_MESSAGE, toAccount } from './auth-messages';

/** Starts the demo drive (local, no network); answers its session and status, or why it failed. */
export async function openDemoDrive(input: {
  client: ClientSettings;
  userData: string;
  logger: Logger;
}): Promise<{ session: DriveSession | null; status: AuthStatus }> {
  try {
    const demo = await startDemoSession({ ...input.client, userData: input.userData });
    const account = toAccount(await demo.client.user.info());
    input.logger.info('opened the demo drive');
    return { session: demo, status: { state: 'demo', account } };
  } catch (error) {
    input.logger.error('the demo drive could not start', error);
    return {
      session: null,
      status: {
        state: 'auth_required',
        problem: 'no_credentials',
        message: `The demo drive could not start. ${NO_CREDENTIALS_MESSAGE}`,
      },
    };
  }
}
