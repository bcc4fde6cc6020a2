/** Plain words for the auth states; the renderer shows them next to the connection settings. */
import { ApiException } from '@pandesk/contract';
import type { AccountInfo, AuthProblem } from '@pandesk/contract';
import { isPanError } from '@pandesk/open-api';
import type { PanClient, PanUser } from '@pandesk/open-api';

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

/** Why signing in failed, in words, and whether it is worth trying again by itself. */
export function describeSignInFailure(
  error: unknown,
  host: string,
): { problem: AuthProblem; message: string } {
  if (error instanceof ApiException) return { problem: 'rejected', message: error.message };
  if (isPanError(error)) {
    if (['network', 'timeout', 'server', 'rate_limited', 'processing'].includes(error.code)) {
      return {
        problem: 'unreachable',
        message: unreachableMessage(host),
      };
    }
    if (error.code === 'auth_required') {
      return {
        problem: 'rejected',
        message:
          'The 123pan service did not accept the credentials: check the client ID and client secret (or the access or refresh token) in the connection settings.',
      };
    }
    return { problem: 'rejected', message: `Signing in failed: ${error.message.replace(/^[\w.]+:\s*/, '')}` };
  }
  return {
    problem: 'rejected',
    message: 'Signing in failed for an unexpected reason. The log has the details.',
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
      throw new ApiException(
        'invalid_input',
        `The root folder ID ${rootFolderId} does not exist on the drive. Find the folder's ID in the 123pan web page address (after homeFilePath=) or use 0 for the whole drive.`,
      );
    }
    throw error;
  }
  if (entry.kind !== 'folder') {
    throw new ApiException(
      'invalid_input',
      `The root folder ID ${rootFolderId} is a file ("${entry.name}"), not a folder. Use a folder's ID, or 0 for the whole drive.`,
    );
  }
  if (entry.trashed) {
    throw new ApiException(
      'invalid_input',
      `The root folder ID ${rootFolderId} ("${entry.name}") is in the recycle bin. Restore it or choose another folder.`,
    );
  }
}
