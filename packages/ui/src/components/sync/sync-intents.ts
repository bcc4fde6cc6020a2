import type { TFunction } from 'i18next';
import type { Result } from '@pandesk/contract';
import type { AppContextValue } from '../../context';

/** Runs a sync intent; a failed result becomes an error toast in the user's language. */
export async function runSyncIntent<T>(
  app: AppContextValue,
  t: TFunction,
  work: () => Promise<Result<T>>,
): Promise<T | null> {
  const result = await work();
  if (result.ok) return result.value;
  app.ui.getState().pushToast({ kind: 'error', text: { error: result.error } });
  return null;
}
