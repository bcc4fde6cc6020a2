import { describe, expect, it } from 'vitest';
import { parseInput } from '../validation';
import { SYNC_INPUTS } from './sync';

const add = SYNC_INPUTS.add;
const base = add.example;

describe('sync inputs', () => {
  it('accepts each kind of schedule and refuses malformed ones with words', () => {
    for (const schedule of [
      { kind: 'continuous', minutes: 30 },
      { kind: 'interval', minutes: 1 },
      { kind: 'window', start: '22:00', end: '06:30', minutes: 60 },
    ]) {
      expect(parseInput(add.schema, { ...base, schedule }, 'sync.add').ok).toBe(true);
    }
    const bad = [
      { kind: 'window', start: '24:00', end: '06:00', minutes: 60 },
      { kind: 'window', start: '7:00', end: '06:00', minutes: 60 },
      { kind: 'interval', minutes: 0 },
      { kind: 'interval', minutes: 1.5 },
      { kind: 'hourly' },
    ];
    for (const schedule of bad) {
      const result = parseInput(add.schema, { ...base, schedule }, 'sync.add');
      expect(result.ok, JSON.stringify(schedule)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
  });

  it('refuses an unknown mode, unknown keys and a negative threshold', () => {
    expect(parseInput(add.schema, { ...base, mode: 'sync' }, 'sync.add').ok).toBe(false);
    expect(parseInput(add.schema, { ...base, extra: 1 }, 'sync.add').ok).toBe(false);
    expect(parseInput(add.schema, { ...base, confirmAbove: -1 }, 'sync.add').ok).toBe(false);
    expect(parseInput(SYNC_INPUTS.update.schema, { id: 'p', localPath: '/x' }, 'sync.update').ok).toBe(false);
  });

  it('takes only the three conflict choices', () => {
    const schema = SYNC_INPUTS.resolveConflict.schema;
    expect(parseInput(schema, { id: 'p', conflictId: 'c', choice: 'keep_cloud' }, 'x').ok).toBe(true);
    expect(parseInput(schema, { id: 'p', conflictId: 'c', choice: 'overwrite' }, 'x').ok).toBe(false);
  });
});
