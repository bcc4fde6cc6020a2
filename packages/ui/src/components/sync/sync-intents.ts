import type { Result } from '@pandesk/contract';
import type { AppContextValue } from '../../context';

/** Runs a sync intent; a failed result becomes an error toast with the back end's words. */
export async function runSyncIntent<T>(
  app: AppContextValue,
  work: () => Promise<Result<T>>,
): Promise<T | null> {
  const result = await work();
  if (result.ok) return result.value;
  app.ui.getState().pushToast({ kind: 'error', message: result.error.message });
  return null;
}
