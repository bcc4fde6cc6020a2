import type { PanDeskApi } from './api';
import type { AuthStatus } from './auth';
import type { CloudTasksSnapshot } from './cloud-tasks';
import type { FileId } from './common';
import type { Place } from './places';
import type { SettingsView } from './settings';
import type { SyncChange } from './sync';
import type { TransferSnapshot } from './transfers';

/**
 * Pushes from the back end to the renderer. One map, one subscription call:
 * `bridge.on('transfers:changed', listener)` returns the function that unsubscribes.
 */

/** Folders whose listing changed (by this app or noticed on refresh); views of them should reload. */
export interface FolderChange {
  readonly folderIds: readonly FileId[];
  /** True when the recycle bin's content changed too (trash, restore, delete for good). */
  readonly trashChanged: boolean;
}

export interface PanDeskEvents {
  /** Signed in or out, switched to the demo drive, or the account's quota changed. */
  'auth:changed': AuthStatus;
  /** Any setting changed (secrets appear only as presence flags). */
  'settings:changed': SettingsView;
  'folder:changed': FolderChange;
  /** Throttled (~4 per second) and batched: summary + changed items + removed ids. */
  'transfers:changed': TransferSnapshot;
  'places:changed': readonly Place[];
  /** Cloud downloads and copies: the recent list, after every change of a task. */
  'cloud:changed': CloudTasksSnapshot;
  /** A sync pair was added, changed or removed, or its state or progress moved on. */
  'sync:changed': SyncChange;
}

export type EventName = keyof PanDeskEvents;

export const EVENT_NAMES = [
  'auth:changed',
  'settings:changed',
  'folder:changed',
  'transfers:changed',
  'places:changed',
  'cloud:changed',
  'sync:changed',
] as const satisfies readonly EventName[];

/** Compile-time check that {@link EVENT_NAMES} lists every event. */
type MissingEvents = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const _allEventsListed: MissingEvents extends never ? true : false = true;
void _allEventsListed;

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: PanDeskEvents[E]) => void;

/** Anything events can be subscribed on: the bridge the renderer gets, or a back-end hub. */
export interface PanDeskEventSource {
  on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe;
}

/** What the renderer receives: every command plus event subscription. */
export type PanDeskBridge = PanDeskApi & PanDeskEventSource;

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
