import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';

/** Above the grid: why thumbnails stopped (daily budget, or the account's traffic used up) and how to get them back. */
export function ThumbnailNotice() {
  const { t, i18n } = useTranslation();
  const { thumbnails, session } = useApp();
  const enabled = useSlice(session, (s) => s.settings?.thumbnails === true);
  const paused = useSlice(thumbnails.status, (s) => s.paused);
  const until = useSlice(thumbnails.status, (s) => s.traffic?.pausedUntil ?? null);
  if (!enabled || paused === null) return null;
  const time =
    until === null
      ? ''
      : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(until);
  return (
    <p role="note" className="pd-notice pd-thumbnail-notice" data-testid="thumbnail-notice" data-why={paused}>
      {t(paused === 'traffic_exhausted' ? 'thumbnails.pausedExhausted' : 'thumbnails.pausedBudget', { time })}
    </p>
  );
}
