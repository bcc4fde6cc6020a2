import { useTranslation } from 'react-i18next';
import { SHARE_TRAFFIC_PACKAGES } from '@pandesk/contract';
import type { ShareTraffic, ShareTrafficPackage } from '@pandesk/contract';

/** The traffic settings as typed: a package, and an optional limit in MB (whole or decimal). */
export interface TrafficForm {
  package: ShareTrafficPackage;
  limited: boolean;
  limitMb: string;
}

const MB = 1024 * 1024;

export function trafficForm(traffic: ShareTraffic | null): TrafficForm {
  return {
    package: traffic?.package ?? 'off',
    limited: traffic !== null && traffic.limitBytes !== null,
    limitMb: traffic?.limitBytes ? String(Math.round((traffic.limitBytes / MB) * 100) / 100) : '1024',
  };
}

/** The settings the form says, or null when the limit is not a positive number. */
export function trafficFromForm(form: TrafficForm): ShareTraffic | null {
  if (!form.limited) return { package: form.package, limitBytes: null };
  const mb = Number(form.limitMb.trim());
  const bytes = Math.round(mb * MB);
  return Number.isFinite(mb) && bytes >= 1 ? { package: form.package, limitBytes: bytes } : null;
}

/** Traffic package and limit of a share (used when sharing and in My shares). */
export function ShareTrafficFields({
  form,
  update,
}: {
  form: TrafficForm;
  update(patch: Partial<TrafficForm>): void;
}) {
  const { t } = useTranslation();
  const bad = trafficFromForm(form) === null;
  return (
    <fieldset>
      <legend>{t('share.traffic')}</legend>
      <label>
        {t('share.trafficPackage')}
        <select
          value={form.package}
          data-testid="share-traffic-package"
          onChange={(e) => update({ package: e.target.value as ShareTrafficPackage })}
        >
          {SHARE_TRAFFIC_PACKAGES.map((p) => (
            <option key={p} value={p}>
              {t(`share.package.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="pd-hint">{t('share.trafficHint')}</p>
      <label className="pd-check">
        <input
          type="checkbox"
          checked={form.limited}
          data-testid="share-traffic-limited"
          onChange={(e) => update({ limited: e.target.checked })}
        />
        {t('share.trafficLimit')}
      </label>
      {form.limited && (
        <label>
          {t('share.trafficLimitMb')}
          <input
            inputMode="decimal"
            value={form.limitMb}
            aria-invalid={bad}
            data-testid="share-traffic-limit-mb"
            onChange={(e) => update({ limitMb: e.target.value })}
          />
        </label>
      )}
      {bad && (
        <p role="alert" className="pd-inline-error">
          {t('share.badLimit')}
        </p>
      )}
    </fieldset>
  );
}
