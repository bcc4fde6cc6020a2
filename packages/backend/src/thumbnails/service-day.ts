/**
 * The service's day: 123pan counts daily download traffic per day in China Standard Time
 * (UTC+8, no daylight saving), so a day's allowance comes back at midnight UTC+8.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of the service day containing `now` (epoch ms). */
export function serviceDay(now: number): string {
  return new Date(now + OFFSET_MS).toISOString().slice(0, 10);
}

/** Epoch ms at which the service day after the one containing `now` starts. */
export function nextServiceDayStart(now: number): number {
  return (Math.floor((now + OFFSET_MS) / DAY_MS) + 1) * DAY_MS - OFFSET_MS;
}
