import { useTranslation } from 'react-i18next';

/**
 * The full story behind a message, folded away: the service's own code and words, its trace id.
 * Nothing is drawn when there is nothing more to say.
 */
export function DetailsDisclosure({ lines }: { lines: readonly string[] }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <details className="pd-details" data-testid="error-details">
      <summary>{t('errors.detail.title')}</summary>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
