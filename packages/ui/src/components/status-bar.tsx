import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../context';
import { formatBytes, formatSpeed } from '../lib/format';

/** Account, quota and overall transfer speed. */
export function StatusBar() {
  const { t } = useTranslation();
  const { session, transfers, thumbnails } = useApp();
  const thumbnailBytes = useSlice(thumbnails.status, (s) => s.traffic?.todayBytes ?? 0);
  const auth = useSlice(session, (s) => s.auth);
  const quota = useSlice(session, (s) => s.quota);
  const up = useSlice(transfers, (s) => s.summary?.upload.speedBps ?? 0);
  const down = useSlice(transfers, (s) => s.summary?.download.speedBps ?? 0);
  const account =
    auth?.state === 'signed_in'
      ? t('status.account', { name: auth.account.name })
      : auth?.state === 'demo'
        ? t('status.demoAccount')
        : auth?.state === 'connecting'
          ? t('status.connecting')
          : auth?.state === 'auth_required' && auth.problem === 'unreachable'
            ? t('status.offline')
            : t('status.notSignedIn');
  return (
    <footer className="pd-status" role="contentinfo" aria-label={t('status.label')}>
      <span data-testid="status-account">{account}</span>
      {quota && (
        <span data-testid="status-quota">
          {t('status.quota', {
            used: formatBytes(t, quota.usedBytes),
            total: formatBytes(t, quota.totalBytes),
          })}
        </span>
      )}
      {thumbnailBytes > 0 && (
        <span data-testid="status-thumbnail-traffic">
          {t('status.thumbnailTraffic', { today: formatBytes(t, thumbnailBytes) })}
        </span>
      )}
      <span data-testid="status-speed">
        {t('status.speed', { up: formatSpeed(t, up), down: formatSpeed(t, down) })}
      </span>
    </footer>
  );
}
