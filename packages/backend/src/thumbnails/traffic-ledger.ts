/**
 * Bytes thumbnails downloaded for one drive: today's (the service day, UTC+8) and the total,
 * and the service day on which the service answered 5113 (daily download traffic used up).
 * Kept in a small JSON file so a restart neither forgets the day's spending nor retries a
 * spent allowance.
 */
import { readFile } from 'node:fs/promises';
import { jsonText, writeFileDurably } from '@pandesk/durable-file';
import type { Clock } from '../ports';
import { serviceDay } from './service-day';

interface LedgerState {
  day: string;
  todayBytes: number;
  totalBytes: number;
  exhaustedDay: string | null;
}

export interface LedgerFacts {
  readonly todayBytes: number;
  readonly totalBytes: number;
  /** The service said 5113 today. */
  readonly exhaustedToday: boolean;
}

export interface TrafficLedger {
  facts(): Promise<LedgerFacts>;
  /** Adds bytes downloaded now (saved at once: a crash loses no spending). */
  count(bytes: number): Promise<void>;
  /** Records that the service refused downloads for the rest of today (5113). */
  markExhausted(): Promise<void>;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The stored state, or a fresh one for an unreadable or missing file. */
function parse(text: string | undefined, today: string): LedgerState {
  const fresh: LedgerState = { day: today, todayBytes: 0, totalBytes: 0, exhaustedDay: null };
  if (text === undefined) return fresh;
  try {
    const raw = JSON.parse(text) as Partial<LedgerState>;
    return {
      day: typeof raw.day === 'string' ? raw.day : today,
      todayBytes: isCount(raw.todayBytes) ? raw.todayBytes : 0,
      totalBytes: isCount(raw.totalBytes) ? raw.totalBytes : 0,
      exhaustedDay: typeof raw.exhaustedDay === 'string' ? raw.exhaustedDay : null,
    };
  } catch {
    return fresh;
  }
}

export function createTrafficLedger(file: string, clock: Clock): TrafficLedger {
  let loaded: Promise<LedgerState> | undefined;
  const state = async (): Promise<LedgerState> => {
    loaded ??= readFile(file, 'utf8').then(
      (text) => parse(text, serviceDay(clock.now())),
      () => parse(undefined, serviceDay(clock.now())),
    );
    const s = await loaded;
    const today = serviceDay(clock.now());
    if (s.day !== today) {
      s.day = today;
      s.todayBytes = 0;
    }
    return s;
  };
  const save = async (s: LedgerState): Promise<void> => writeFileDurably(file, jsonText(s));
  return {
    async facts() {
      const s = await state();
      return { todayBytes: s.todayBytes, totalBytes: s.totalBytes, exhaustedToday: s.exhaustedDay === s.day };
    },
    async count(bytes) {
      if (bytes <= 0) return;
      const s = await state();
      s.todayBytes += bytes;
      s.totalBytes += bytes;
      await save(s);
    },
    async markExhausted() {
      const s = await state();
      s.exhaustedDay = s.day;
      await save(s);
    },
  };
}
