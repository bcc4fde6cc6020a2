import { describe, expect, it } from 'vitest';
import { STORE_VERSION, emptyStore } from './store-schema';
import { migrateStore } from './migrations';
import type { Migration } from './migrations';

const windowState = { bounds: { x: 1, y: 2, width: 900, height: 700 }, maximized: false };

describe('store migrations', () => {
  it('starts empty from nothing or from something that is not an object', () => {
    for (const raw of [undefined, null, 42, 'x', []]) {
      expect(migrateStore(raw)).toEqual({
        data: emptyStore(),
        changed: true,
        fromVersion: 0,
        fromNewer: false,
      });
    }
  });

  it('upgrades an unversioned file, keeping valid parts and dropping plain secrets and junk', () => {
    const out = migrateStore({
      settings: { theme: 'dark' },
      secrets: { clientSecret: 'dGVzdA==', accessToken: 'plain text token!', refreshToken: 12 },
      windowState,
      clientSecret: 'hunter2',
      junk: true,
    });
    expect(out.fromVersion).toBe(0);
    expect(out.changed).toBe(true);
    expect(out.data).toEqual({
      schemaVersion: STORE_VERSION,
      settings: { theme: 'dark' },
      secrets: { clientSecret: 'dGVzdA==' },
      windowState,
    });
    expect(JSON.stringify(out.data)).not.toContain('hunter2');
  });

  it('drops a damaged window state instead of failing the whole file', () => {
    const out = migrateStore({
      schemaVersion: STORE_VERSION,
      secrets: {},
      windowState: { bounds: { x: 'a' } },
    });
    expect(out.data.windowState).toBeUndefined();
    expect(out.changed).toBe(true);
  });

  it('leaves a current, clean file unchanged', () => {
    const current = {
      schemaVersion: STORE_VERSION,
      secrets: { a: 'YQ==' },
      settings: { language: 'en' },
      windowState,
    };
    expect(migrateStore(current)).toEqual({
      data: current,
      changed: false,
      fromVersion: STORE_VERSION,
      fromNewer: false,
    });
  });

  it('runs every step in order from the file version to the target', () => {
    const seen: number[] = [];
    const step =
      (n: number): Migration =>
      (doc) => {
        seen.push(n);
        return { ...doc, settings: { ...(doc.settings as object), [`step${n}`]: true } };
      };
    const out = migrateStore({ schemaVersion: 1, secrets: {}, settings: {} }, [step(0), step(1), step(2)], 3);
    expect(seen).toEqual([1, 2]);
    expect(out.data).toEqual({ schemaVersion: 3, secrets: {}, settings: { step1: true, step2: true } });
    expect(out.fromVersion).toBe(1);
  });

  it('reads a file from a newer PanDesk best-effort without asking to rewrite it', () => {
    const newer = { schemaVersion: STORE_VERSION + 5, secrets: { a: 'YQ==' }, futureKey: 1 };
    const out = migrateStore(newer);
    expect(out.fromNewer).toBe(true);
    expect(out.changed).toBe(false);
    expect(out.data.secrets).toEqual({ a: 'YQ==' });
  });

  it('fails loudly when a step is missing (a programming error, not a user one)', () => {
    expect(() => migrateStore({ schemaVersion: 0 }, [], 1)).toThrow(/No store migration from version 0/);
  });
});
