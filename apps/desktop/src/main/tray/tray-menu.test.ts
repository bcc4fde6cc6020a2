import { describe, expect, it, vi } from 'vitest';
import type { SyncPairView } from '@pandesk/contract';
import { keepsRunning, overallState, trayTemplate, trayTooltip } from './tray-menu';
import { trayText } from './tray-text';

function pair(state: SyncPairView['state'], extra: Partial<SyncPairView> = {}): SyncPairView {
  return {
    id: state,
    config: {
      localPath: '/home/me/Photos',
      remoteFolderId: 5,
      remotePath: '/Backup/Photos',
      mode: 'backup',
      deletions: 'ignore',
      schedule: { kind: 'continuous', minutes: 30 },
      confirmAbove: 50,
    },
    paused: state === 'paused',
    state,
    progress: null,
    lastRun: null,
    nextRunAt: null,
    problem: null,
    itemProblems: [],
    openConflicts: 0,
    scan: null,
    pendingPlanId: null,
    ...extra,
  };
}

const en = trayText('en');

describe('tray menu', () => {
  it('lists every pair with its state and progress, then open, pause all and quit', () => {
    const actions = { open: vi.fn(), pauseAll: vi.fn(), quit: vi.fn() };
    const items = trayTemplate(
      [pair('running', { progress: { done: 3, total: 10 } }), pair('idle')],
      en,
      actions,
    );
    expect(items.map((i) => i.label ?? '—')).toEqual([
      'Photos ↔ /Backup/Photos: syncing 3/10',
      'Photos ↔ /Backup/Photos: up to date',
      '—',
      'Open PanDesk',
      'Pause all sync',
      '—',
      'Quit PanDesk',
    ]);
    items.find((i) => i.label === 'Pause all sync')?.click?.();
    items.find((i) => i.label === 'Open PanDesk')?.click?.();
    expect(actions.pauseAll).toHaveBeenCalledWith(true);
    expect(actions.open).toHaveBeenCalledOnce();
    const paused = trayTemplate([pair('paused')], trayText('zh-CN'), actions);
    expect(paused.map((i) => i.label)).toContain('全部继续同步');
  });

  it('says in the tooltip the state that matters most, and keeps running while a pair is not paused', () => {
    expect(overallState([pair('idle'), pair('waiting'), pair('running')])).toBe('waiting');
    expect(trayTooltip([pair('idle'), pair('running')], en)).toBe('PanDesk — 2 sync pairs: syncing');
    expect(trayTooltip([], en)).toBe('PanDesk — No sync pairs');
    expect(keepsRunning([pair('paused'), pair('idle')])).toBe(true);
    expect(keepsRunning([pair('paused')])).toBe(false);
    expect(keepsRunning([])).toBe(false);
  });
});
