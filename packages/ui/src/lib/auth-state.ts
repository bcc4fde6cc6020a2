import type { AuthStatus } from '@pandesk/contract';

/**
 * Signing in is under way, or the service cannot be reached and the back end keeps trying:
 * the drive may come back by itself. Meanwhile the root's last listing (kept by the back end)
 * is shown, marked offline.
 */
export function waitingForService(auth: AuthStatus | null): boolean {
  return auth?.state === 'connecting' || (auth?.state === 'auth_required' && auth.problem === 'unreachable');
}
