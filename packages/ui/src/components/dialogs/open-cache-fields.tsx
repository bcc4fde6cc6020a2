import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenCacheInfo } from '@pandesk/contract';
import { useApp, useSlice } from '../../context';
import { formatBytes } from '../../lib/format';

/**
 * The cache of opened files (desktop host): its limit (part of the form, saved with the rest),
 * what it holds now, and a button that empties it at once.
 */
export function OpenCacheFields({ limitMb, update }: { limitMb: string; update(limitMb: string): void }) {
  const { t } = useTranslation();
  const { bridge, session } = useApp();
  const available = useSlice(session, (s) => s.info?.capabilities.openFiles === true);
  const [info, setInfo] = useState<OpenCacheInfo | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (!available) return;
    void bridge.app.openCache().then((r) => (r.ok ? setInfo(r.value) : setFailed(r.error.message)));
  }, [available, bridge]);
  if (!available) return null;
  async function clear(): Promise<void> {
    const cleared = await bridge.app.clearOpenCache();
    if (!cleared.ok) return setFailed(cleared.error.message);
    const after = await bridge.app.openCache();
    if (after.ok) setInfo(after.value);
  }
  return (
    <div className="pd-open-cache">
      <label>
        {t('settings.openCacheLimitMb')}
        <input
          value={limitMb}
          inputMode="numeric"
          data-testid="settings-openCacheLimitMb"
          onChange={(e) => update(e.target.value)}
        />
      </label>
      <p className="pd-muted" data-testid="open-cache-usage">
        {info === null
          ? (failed ?? t('properties.reading'))
          : t('openCache.usage', { files: info.files, size: formatBytes(t, info.bytes) })}
      </p>
      <button type="button" data-testid="open-cache-clear" onClick={() => void clear()}>
        {t('openCache.clear')}
      </button>
    </div>
  );
}
