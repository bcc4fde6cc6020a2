/**
 * When a pair runs next. Continuous and interval pairs: `minutes` after the last check (at once
 * when never checked). Window pairs: the same, moved forward into the next daily window
 * (local time) when it falls outside; a window whose end is before its start runs over
 * midnight. Continuous pairs also run a few seconds after local changes (the watcher).
 */
import type { SyncSchedule } from '@pandesk/contract';

const MINUTE = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function minuteOfDay(t: number): number {
  const d = new Date(t);
  return d.getHours() * 60 + d.getMinutes();
}

/** True when the local time of `t` lies in the window [start, end). */
export function inWindow(start: string, end: string, t: number): boolean {
  const s = minutesOf(start);
  const e = minutesOf(end);
  const now = minuteOfDay(t);
  if (s === e) return true; // a whole day
  return s < e ? now >= s && now < e : now >= s || now < e;
}

/** The first moment at or after `t` when the window is open. */
export function nextWindowOpen(start: string, end: string, t: number): number {
  if (inWindow(start, end, t)) return t;
  const d = new Date(t);
  const open = new Date(d.getFullYear(), d.getMonth(), d.getDate(), 0, minutesOf(start), 0, 0).getTime();
  return open > t
    ? open
    : new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 0, minutesOf(start), 0, 0).getTime();
}

export function nextRunAt(schedule: SyncSchedule, lastCheckedAt: number | null, now: number): number {
  const due = lastCheckedAt === null ? now : Math.max(now, lastCheckedAt + schedule.minutes * MINUTE);
  if (schedule.kind !== 'window') return due;
  return nextWindowOpen(schedule.start, schedule.end, due);
}
