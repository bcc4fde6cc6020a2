/**
 * The auth states' causes: a reason (with params) the renderer words in the user's language,
 * and an English message for the log.
 */
import { ApiException } from '@pandesk/contract';
import type { AccountInfo, AuthProblem, AuthStatus, ErrorFacts } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanClient, PanUser } from '@pandesk/open-api';
import { serviceDetail } from '../errors/map-error';

export const NO_CREDENTIALS_MESSAGE =
  'Enter your client ID and client secret from the 123 Open Platform (or paste an access token) in the connection settings, or use the demo drive.';

export const AUTH_LOST_MESSAGE =
  'The 123pan service no longer accepts the stored credentials or token. Check the connection settings and sign in again; paused transfers resume after that.';

export const CONNECTING_MESSAGE = 'PanDesk is still connecting to the 123pan service. Try again in a moment.';

export const SIGNED_OUT_MESSAGE =
  'Signed out. The client secret and tokens were forgotten; enter them again to sign in.';

/** `host[:port]` of the service's base URL, for messages (the URL itself when it does not parse). */
export function serviceHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/**
 * The service could not be reached (or did not answer in time). Retries run by themselves;
 * the renderer says so in the user's language (`problem: 'unreachable'`).
 */
export function unreachableMessage(host: string): string {
  return `Could not reach the 123pan service at ${host}. Check the internet connection and the proxy settings.`;
}

/** `auth_required` with its cause. */
export function authRequired(
  problem: AuthProblem,
  message: string,
  facts: ErrorFacts,
): Extract<AuthStatus, { state: 'auth_required' }> {
  return { state: 'auth_required', problem, message, ...facts };
}

/** The service cannot be reached at `host`; PanDesk keeps trying. */
export function unreachableStatus(host: string, message = unreachableMessage(host)): AuthStatus {
  return authRequired('unreachable', message, { reason: 'service_unreachable', params: { host } });
}

/** `now` decides whether the developer benefit is still live (an unknown end counts as live). */
export function toAccount(user: PanUser, now: number = Date.now()): AccountInfo {
  const developer =
    user.developer !== null && (user.developer.endsAt === undefined || user.developer.endsAt > now);
  return {
    name: user.nickname,
    vipLevel: user.vipLevel,
    developer,
    quota: { usedBytes: user.spaceUsed, totalBytes: user.spaceTotal },
  };
}

/** Why signing in failed (its cause and words for the log), and whether it is worth trying again by itself. */
export interface SignInFailure extends ErrorFacts {
  readonly problem: AuthProblem;
  readonly message: string;
}

export function describeSignInFailure(error: unknown, host: string): SignInFailure {
  if (error instanceof ApiException)
    return {
      problem: 'rejected',
      message: error.message,
      reason: error.reason ?? 'credentials_rejected',
      ...(error.params === undefined ? {} : { params: error.params }),
    };
  if (isPanError(error)) {
    const detail = serviceDetail(error);
    const withDetail = detail === undefined ? {} : { detail };
    if (['network', 'timeout', 'server', 'rate_limited', 'processing'].includes(error.code)) {
      return {
        problem: 'unreachable',
        message: unreachableMessage(host),
        reason: 'service_unreachable',
        params: { host },
        ...withDetail,
      };
    }
    if (error.code === 'auth_required') {
      return {
        problem: 'rejected',
        message:
          'The 123pan service did not accept the credentials: check the client ID and client secret (or the access or refresh token) in the connection settings.',
        reason: 'credentials_rejected',
        ...withDetail,
      };
    }
    return {
      problem: 'rejected',
      message: `Signing in failed: ${error.message.replace(/^[\w.]+:\s*/, '')}`,
      reason: error.reason,
      ...(error.params === undefined ? {} : { params: error.params }),
      ...withDetail,
    };
  }
  return {
    problem: 'rejected',
    message: 'Signing in failed for an unexpected reason. The log has the details.',
    reason: 'internal',
  };
}

/**
 * Refuses a root folder id that does not name a live folder, with the reason. `0` (the
 * drive root) always exists.
 */
export async function verifyRootFolder(client: PanClient, rootFolderId: number): Promise<void> {
  if (rootFolderId === 0) return;
  let entry;
  try {
    entry = await client.files.detail(rootFolderId);
  } catch (error) {
    if (isPanError(error) && error.code === 'not_found') {
      throw ApiException.because(
        'root_folder_missing',
        `The root folder ID ${rootFolderId} does not exist on the drive.`,
        { params: { id: rootFolderId } },
      );
    }
    throw error;
  }
  if (entry.kind !== 'folder') {
    throw ApiException.because('root_folder_is_file', `The root folder ID ${rootFolderId} is a file.`, {
      params: { id: rootFolderId, name: entry.name },
    });
  }
  if (entry.trashed) {
    throw ApiException.because(
      'root_folder_trashed',
      `The root folder ID ${rootFolderId} is in the recycle bin.`,
      {
        params: { id: rootFolderId, name: entry.name },
      },
    );
  }
}
