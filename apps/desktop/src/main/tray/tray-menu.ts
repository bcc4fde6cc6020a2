/**
 * What the tray (or menu-bar) icon shows: a tooltip with the pairs' overall state, and a menu
 * with one line per pair, "Open PanDesk", "Pause all sync" / "Resume all sync" and "Quit".
 * Pure, so it is tested without Electron.
 */
import type { SyncPairState, SyncPairView } from '@pandesk/contract';
import type { TrayText } from './tray-text';

export interface TrayActions {
  open(): void;
  pauseAll(paused: boolean): void;
  quit(): void;
}

export interface TrayItem {
  readonly label?: string;
  readonly type?: 'separator';
  readonly enabled?: boolean;
  readonly click?: () => void;
}

/** The state that matters most, for the tooltip: waiting beats syncing beats up to date. */
const RANK: readonly SyncPairState[] = [
  'waiting',
  'awaiting_confirmation',
  'running',
  'scanning',
  'idle',
  'paused',
];

export function overallState(pairs: readonly SyncPairView[]): SyncPairState | null {
  if (pairs.length === 0) return null;
  return RANK.find((s) => pairs.some((p) => p.state === s)) ?? 'idle';
}

function name(pair: SyncPairView): string {
  const parts = pair.config.localPath.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? pair.config.localPath;
}

function pairLine(pair: SyncPairView, text: TrayText): string {
  const progress =
    pair.state === 'running' && pair.progress ? ` ${pair.progress.done}/${pair.progress.total}` : '';
  return `${name(pair)} ↔ ${pair.config.remotePath}: ${text.state[pair.state]}${progress}`;
}

export function trayTooltip(pairs: readonly SyncPairView[], text: TrayText): string {
  const state = overallState(pairs);
  if (state === null) return `PanDesk — ${text.noPairs}`;
  return `PanDesk — ${text.pairs.replace('{count}', String(pairs.length))}: ${text.state[state]}`;
}

/** True while some pair is not paused: then the app keeps running when its window closes. */
export function keepsRunning(pairs: readonly SyncPairView[]): boolean {
  return pairs.some((p) => !p.paused);
}

export function trayTemplate(
  pairs: readonly SyncPairView[],
  text: TrayText,
  actions: TrayActions,
): TrayItem[] {
  const lines: TrayItem[] =
    pairs.length === 0
      ? [{ label: text.noPairs, enabled: false }]
      : pairs.map((p) => ({ label: pairLine(p, text), enabled: false }));
  const allPaused = pairs.length > 0 && pairs.every((p) => p.paused);
  return [
    ...lines,
    { type: 'separator' },
    { label: text.open, click: () => actions.open() },
    {
      label: allPaused ? text.resumeAll : text.pauseAll,
      enabled: pairs.length > 0,
      click: () => actions.pauseAll(!allPaused),
    },
    { type: 'separator' },
    { label: text.quit, click: () => actions.quit() },
  ];
}
