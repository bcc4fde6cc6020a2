/** The tray's words in English and Simplified Chinese (the system's language, as the native boxes). */
import type { SyncPairState } from '@pandesk/contract';
import type { NativeLanguage } from '../platform/native-text';

export interface TrayText {
  readonly open: string;
  readonly pauseAll: string;
  readonly resumeAll: string;
  readonly quit: string;
  readonly noPairs: string;
  /** `{count}` pairs. */
  readonly pairs: string;
  readonly state: Readonly<Record<SyncPairState, string>>;
}

const TEXT: Readonly<Record<NativeLanguage, TrayText>> = {
  en: {
    open: 'Open PanDesk',
    pauseAll: 'Pause all sync',
    resumeAll: 'Resume all sync',
    quit: 'Quit PanDesk',
    noPairs: 'No sync pairs',
    pairs: '{count} sync pairs',
    state: {
      idle: 'up to date',
      scanning: 'scanning',
      awaiting_confirmation: 'plan waits for you',
      running: 'syncing',
      waiting: 'waiting',
      paused: 'paused',
    },
  },
  'zh-CN': {
    open: '打开 PanDesk',
    pauseAll: '全部暂停同步',
    resumeAll: '全部继续同步',
    quit: '退出 PanDesk',
    noPairs: '没有同步对',
    pairs: '{count} 个同步对',
    state: {
      idle: '已是最新',
      scanning: '正在扫描',
      awaiting_confirmation: '计划等待确认',
      running: '正在同步',
      waiting: '等待中',
      paused: '已暂停',
    },
  },
};

export function trayText(language: NativeLanguage): TrayText {
  return TEXT[language];
}
