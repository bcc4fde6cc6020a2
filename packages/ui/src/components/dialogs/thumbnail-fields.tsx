import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../../context';
import { formatBytes } from '../../lib/format';
import type { SettingsForm } from './settings-form';

type NumberField = 'thumbnailMaxImageMb' | 'thumbnailCacheLimitMb' | 'thumbnailDailyBudgetMb';

/** Thumbnails of the grid view: on or off, their bounds, and the traffic they used. */
export function ThumbnailFields({
  form,
  update,
}: {
  form: SettingsForm;
  update(patch: Partial<SettingsForm>): void;
}) {
  const { t } = useTranslation();
  const { thumbnails } = useApp();
  const traffic = useSlice(thumbnails.status, (s) => s.traffic);
  useEffect(() => void thumbnails.refreshTraffic(), [thumbnails]);
  const number = (field: NumberField) => (
    <label key={field}>
      {t(`settings.${field}`)}
      <input
        value={form[field]}
        inputMode="numeric"
        data-testid={`settings-${field}`}
        onChange={(e) => update({ [field]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset>
      <legend>{t('toolbar.gridView')}</legend>
      <label className="pd-check">
        <input
          type="checkbox"
          checked={form.thumbnails}
          data-testid="settings-thumbnails"
          onChange={(e) => update({ thumbnails: e.target.checked })}
        />
        {t('settings.thumbnails')}
      </label>
      {number('thumbnailMaxImageMb')}
      {number('thumbnailDailyBudgetMb')}
      {number('thumbnailCacheLimitMb')}
      {traffic !== null && (
        <p className="pd-muted" data-testid="thumbnail-traffic">
          {t('thumbnails.traffic', {
            today: formatBytes(t, traffic.todayBytes),
            budget: formatBytes(t, traffic.dailyBudgetBytes),
            total: formatBytes(t, traffic.totalBytes),
            cache: formatBytes(t, traffic.cacheBytes),
            cacheLimit: formatBytes(t, traffic.cacheLimitBytes),
          })}
        </p>
      )}
    </fieldset>
  );
}
