import { useTranslation } from 'react-i18next';
import type { ApiError } from '@pandesk/contract';
import { describeError, errorDetails } from '../actions/errors';
import { DetailsDisclosure } from './details-disclosure';

/**
 * A failure shown inside a dialog: worded from its reason when drawn (so it follows a language
 * switch), with the service's own words folded in the details.
 */
export function ErrorNote({ error, testId }: { error: ApiError; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="pd-inline-error" data-testid={testId}>
      {describeError(t, error)}
      <DetailsDisclosure lines={errorDetails(t, error)} />
    </div>
  );
}
