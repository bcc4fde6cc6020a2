import type { TFunction } from 'i18next';

const UNITS = ['kb', 'mb', 'gb', 'tb'] as const;

/** Bytes in binary units (1 KB = 1024 B), one decimal under 10, whole numbers above. */
export function formatBytes(t: TFunction, bytes: number): string {
  if (bytes < 1024) return t('units.bytes', { value: bytes });
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? value.toFixed(1) : Math.round(value).toString();
  return t(`units.${UNITS[unit] ?? 'tb'}`, { value: shown });
}

export function formatSpeed(t: TFunction, bytesPerSecond: number): string {
  return t('units.perSecond', { value: formatBytes(t, bytesPerSecond) });
}

/** `h:mm:ss` or `m:ss`; for time-left displays. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Local date and time in the UI language. */
export function formatDate(language: string, epochMs: number): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}
