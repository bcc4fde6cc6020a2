import { z } from 'zod';
import { localPathSchema } from './common';

/** Facts about the host, and the OS integrations it offers. */

export type HostKind = 'desktop' | 'web';

/**
 * What the host can do; the UI hides or disables features accordingly instead of calling a
 * method that would answer `unsupported`.
 */
export interface HostCapabilities {
  /** `app.startDrag`: drag local files out of the window onto the OS (Electron only). */
  readonly startDrag: boolean;
  /** `app.choosePaths`: native open/choose-folder dialogs. */
  readonly nativeDialogs: boolean;
  /** `app.revealInFolder` and `app.openLogFolder` open the OS file manager. */
  readonly revealInFolder: boolean;
  /** Can keep the computer awake while transfers run. */
  readonly keepAwake: boolean;
}

export interface AppInfo {
  readonly name: string;
  /** The app's semantic version, e.g. `0.1.0`. */
  readonly version: string;
  readonly host: HostKind;
  /** Node's `process.platform` of the back end: `win32`, `darwin`, `linux`, ... */
  readonly platform: string;
  /** Node's `process.arch`: `x64`, `arm64`, ... */
  readonly arch: string;
  /** Version strings of the runtime parts, e.g. `{ node: '20.18.0', electron: '45.5.0' }`. */
  readonly versions: Readonly<Record<string, string>>;
  readonly capabilities: HostCapabilities;
}

export const revealInFolderInputSchema = z.strictObject({ path: localPathSchema });

/** Most paths one native drag may carry. */
export const MAX_DRAG_PATHS = 1000;

export const startDragInputSchema = z.strictObject({
  paths: z
    .array(localPathSchema)
    .min(1, 'must name at least one file')
    .max(MAX_DRAG_PATHS, `must name at most ${MAX_DRAG_PATHS} files`),
});

export const CHOOSE_MODES = ['open_files', 'open_folders', 'choose_folder'] as const;
/** `open_files` / `open_folders`: things to upload. `choose_folder`: one destination folder. */
export type ChooseMode = (typeof CHOOSE_MODES)[number];

export const choosePathsInputSchema = z.strictObject({
  mode: z.enum(CHOOSE_MODES, { error: `must be one of ${CHOOSE_MODES.join(', ')}` }),
  title: z.string().max(200, 'is too long').optional(),
  defaultPath: localPathSchema.optional(),
});

/** Paths the user picked; empty when the dialog was cancelled. */
export interface ChosenPaths {
  readonly paths: readonly string[];
}

export type RevealInFolderInput = z.infer<typeof revealInFolderInputSchema>;
export type StartDragInput = z.infer<typeof startDragInputSchema>;
export type ChoosePathsInput = z.infer<typeof choosePathsInputSchema>;
