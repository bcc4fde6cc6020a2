import type {
  AppInfo,
  ChoosePathsInput,
  ChosenPaths,
  DownloadLink,
  DownloadLinkInput,
  PreviewUrl,
  PreviewUrlInput,
  RevealInFolderInput,
  StartDragInput,
} from './app-info';
import type { AuthStatus } from './auth';
import type { OpenCacheInfo, OpenDownloadInput, OpenedFile, OpenFileInput } from './open-files';
import type { StoreThumbnailInput, ThumbnailInput, ThumbnailSource, ThumbnailTraffic } from './thumbnails';
import type { CloudDownloadInput, CloudTask, CopyInput } from './cloud-tasks';
import type {
  DirectLink,
  DirectLinkFileInput,
  DirectLinkFolderInput,
  DirectLinkSigningPatch,
  DirectLinkStatus,
} from './direct-links';
import type { Result } from './errors';
import type {
  CreatedFolder,
  DeleteForeverInput,
  DetailInput,
  FileDetail,
  FilePage,
  FolderPage,
  ListFolderInput,
  ListMoreInput,
  ListTrashInput,
  MkdirInput,
  MoveInput,
  Quota,
  RenameInput,
  RestoreInput,
  RestoreResult,
  SearchInput,
  SearchPage,
  TrashInput,
  TreeChildrenInput,
  TreeNode,
} from './files';
import type { AddPlaceInput, Place, RemovePlaceInput } from './places';
import type { ConnectionPatch, SettingsPatch, SettingsView } from './settings';
import type { CreateShareInput, ListSharesInput, SetShareTrafficInput, SharePage, ShareLink } from './shares';
import type {
  AddSyncPairInput,
  ConfirmSyncPlanInput,
  PauseAllSyncInput,
  ResolveSyncConflictInput,
  SyncConflict,
  SyncPairRef,
  SyncPairView,
  SyncPlanView,
  SyncRunView,
  UpdateSyncPairInput,
} from './sync';
import type { EnqueuedBatch, MoveToTopInput, TransferSelection } from './transfer-inputs';
import type {
  DownloadCommand,
  TransferPage,
  TransferPageQuery,
  TransferSummary,
  UploadCommand,
} from './transfers';

/**
 * The commands the renderer can send, grouped by domain. The back end implements
 * `const handlers: PanDeskApi`; the renderer receives the same interface (plus `on` for events,
 * see `PanDeskBridge`). Each method's channel is `domain:method` (e.g. `files:list`). Adding a
 * call means: the method here and its name in {@link API_METHODS}; its input and result types in
 * the domain's file; its input schema and example in `server/schemas/<domain>.ts`; one handler.
 * The compiler checks that the four agree.
 *
 * Errors are data: every method resolves to a `Result` and never rejects, on either side of the
 * boundary. Why: a rejected promise loses its code and retryable flag when crossing Electron IPC
 * (only the message survives, prefixed), and an unhandled rejection in a React effect is easy
 * to miss, while a Result forces the caller to look at the failure. Use `unwrap` to opt into
 * exceptions where that is more convenient.
 *
 * A method without input takes no argument (`api.auth.status()`); a method returning nothing
 * useful answers `null` (JSON has no `undefined`).
 */
export interface PanDeskApi {
  readonly auth: AuthApi;
  readonly settings: SettingsApi;
  readonly files: FilesApi;
  readonly transfers: TransfersApi;
  readonly places: PlacesApi;
  readonly app: AppApi;
  readonly shares: SharesApi;
  readonly directLinks: DirectLinksApi;
  readonly cloud: CloudApi;
  readonly sync: SyncApi;
}

type Call<I, O> = (input: I) => Promise<Result<O>>;
type Query<O> = () => Promise<Result<O>>;

export interface AuthApi {
  /** The current state; cheap, answers from memory. */
  readonly status: Query<AuthStatus>;
  /** Obtains or checks a token with the stored connection settings now; answers the new state. */
  readonly signIn: Query<AuthStatus>;
  /** Forgets the client secret and both tokens (client id and root folder stay); answers `auth_required`. */
  readonly signOut: Query<AuthStatus>;
  /** Switches to the built-in demo drive; `signIn` switches back to the real one. */
  readonly useDemo: Query<AuthStatus>;
}

export interface SettingsApi {
  /** All settings, with the connection reduced to presence flags (no secrets). */
  readonly get: Query<SettingsView>;
  /** Changes any subset of the non-secret settings; the merged result is checked as a whole. */
  readonly update: Call<SettingsPatch, SettingsView>;
  /** Writes (or clears with `null`) connection settings and secrets; never reads them back. */
  readonly setConnection: Call<ConnectionPatch, SettingsView>;
}

/**
 * Listing is pull-streamed: `list` answers the first page and a cursor, `listMore` the next
 * page for that cursor, until the cursor is `null`. Chosen over pushed `folder:page` events
 * because the caller sets the pace (back-pressure under the service's rate limits), nothing is
 * lost when a listener attaches late, abandoning a folder is just not asking again (no
 * server-side stream to cancel or leak), and the cursor wraps the service's own `lastFileId`
 * so the back end can stay stateless.
 */
export interface FilesApi {
  /** First page of a folder's live items (trashed ones are never included); `fresh` skips caches. */
  readonly list: Call<ListFolderInput, FolderPage>;
  /** The page after `cursor` (from a previous `list`/`listMore` of the same folder). */
  readonly listMore: Call<ListMoreInput, FolderPage>;
  /** Every live sub-folder of a folder, for the tree; in no particular order. */
  readonly treeChildren: Call<TreeChildrenInput, readonly TreeNode[]>;
  readonly detail: Call<DetailInput, FileDetail>;
  /** Creates a folder; `name_conflict` when the name is taken. */
  readonly mkdir: Call<MkdirInput, CreatedFolder>;
  readonly rename: Call<RenameInput, null>;
  readonly move: Call<MoveInput, null>;
  /** Moves items to the recycle bin. */
  readonly trash: Call<TrashInput, null>;
  /** Pages of the recycle bin; omit `cursor` for the first page. */
  readonly listTrash: Call<ListTrashInput, FilePage>;
  /** Restores from the recycle bin, to the original folders or into `targetFolderId`. */
  readonly restore: Call<RestoreInput, RestoreResult>;
  /** Deletes recycle-bin items for good. */
  readonly deleteForever: Call<DeleteForeverInput, null>;
  /** Server-side search inside the root folder; results may lag behind recent uploads. */
  readonly search: Call<SearchInput, SearchPage>;
  readonly quota: Query<Quota>;
  /**
   * Copies items into a folder inside the drive; answers at once with the task, whose progress
   * comes through `cloud:changed`. Names already taken in the target follow `conflict`.
   */
  readonly copy: Call<CopyInput, CloudTask>;
}

/** The queue. Progress arrives through the `transfers:changed` event; these are intents. */
export interface TransfersApi {
  /** Enqueues local files and folders (paths on the host) for upload into a cloud folder. */
  readonly upload: Call<UploadCommand, EnqueuedBatch>;
  /** Enqueues cloud files and folders for download into a local folder. */
  readonly download: Call<DownloadCommand, EnqueuedBatch>;
  /** `ids` omitted: every item the action applies to. */
  readonly pause: Call<TransferSelection, null>;
  readonly resume: Call<TransferSelection, null>;
  readonly cancel: Call<TransferSelection, null>;
  readonly retry: Call<TransferSelection, null>;
  readonly moveToTop: Call<MoveToTopInput, null>;
  /**
   * Removes completed, cancelled and skipped items from the list. Failed items stay (they may
   * be retried) until {@link TransfersApi.clearFailed}.
   */
  readonly clearFinished: Query<null>;
  /** Removes failed items from the list and drops what they had transferred so far. */
  readonly clearFailed: Query<null>;
  readonly page: Call<TransferPageQuery, TransferPage>;
  readonly summary: Query<TransferSummary>;
}

/** Local places in the sidebar (Downloads, Desktop, folders the user added). */
export interface PlacesApi {
  readonly list: Query<readonly Place[]>;
  readonly add: Call<AddPlaceInput, Place>;
  /** `not_found` for an unknown id, `unsupported` for a built-in place. */
  readonly remove: Call<RemovePlaceInput, null>;
}

export interface AppApi {
  /** Version, platform and the host's capabilities. */
  readonly info: Query<AppInfo>;
  readonly openLogFolder: Query<null>;
  /** Shows a local file or folder in the OS file manager. */
  readonly revealInFolder: Call<RevealInFolderInput, null>;
  /** Starts an OS drag of local files (desktop only, `capabilities.startDrag`). */
  readonly startDrag: Call<StartDragInput, null>;
  /** Native open / choose-folder dialog (`capabilities.nativeDialogs`). */
  readonly choosePaths: Call<ChoosePathsInput, ChosenPaths>;
  /** A single-use, short-lived link the browser saves one file from (browser host only; `unsupported` elsewhere). */
  readonly downloadLink: Call<DownloadLinkInput, DownloadLink>;
  /**
   * Opens a cloud file with its default application (`capabilities.openFiles`): fetched into the
   * open cache through the transfer queue unless the cached copy is current.
   */
  readonly openFile: Call<OpenFileInput, OpenedFile>;
  /** Opens a finished download, or shows it in the file manager (`capabilities.openFiles`). */
  readonly openDownload: Call<OpenDownloadInput, null>;
  readonly openCache: Query<OpenCacheInfo>;
  /** Deletes every cached copy of the current drive's opened files. */
  readonly clearOpenCache: Query<null>;
  /**
   * A grid tile's thumbnail: the cached one, or the image's bytes for the renderer to make it
   * (then `storeThumbnail`), or why there is none. Both hosts; see `thumbnails.ts`.
   */
  readonly thumbnail: Call<ThumbnailInput, ThumbnailSource>;
  readonly storeThumbnail: Call<StoreThumbnailInput, null>;
  readonly thumbnailTraffic: Query<ThumbnailTraffic>;
  /**
   * A reusable, short-lived URL of the host the quick preview streams one file from
   * (`capabilities.preview`); `unsupported` where the host serves none.
   */
  readonly previewUrl: Call<PreviewUrlInput, PreviewUrl>;
}

/** Share links of the account (reference §6.1-§6.3). */
export interface SharesApi {
  readonly create: Call<CreateShareInput, ShareLink>;
  /** Pages of the account's shares, in the service's order; omit `cursor` for the first. */
  readonly list: Call<ListSharesInput, SharePage>;
  readonly setTraffic: Call<SetShareTrafficInput, null>;
}

/** Direct links; every call but `status` and `setSigning` needs VIP or developer benefits. */
export interface DirectLinksApi {
  readonly status: Query<DirectLinkStatus>;
  readonly enable: Call<DirectLinkFolderInput, DirectLinkStatus>;
  readonly disable: Call<DirectLinkFolderInput, DirectLinkStatus>;
  /** A file's link, signed when a private key is stored; the file must be inside an enabled folder. */
  readonly url: Call<DirectLinkFileInput, DirectLink>;
  /** Stores or forgets the private key (write-only) and sets the signed links' validity. */
  readonly setSigning: Call<DirectLinkSigningPatch, DirectLinkStatus>;
}

/** Cloud downloads and the list of recent cloud tasks (copies appear there too). */
export interface CloudApi {
  /** One task per URL; answers the new tasks (a URL the service refused is a failed task). */
  readonly download: Call<CloudDownloadInput, readonly CloudTask[]>;
  /** Recent tasks, newest first. */
  readonly tasks: Query<readonly CloudTask[]>;
  /** Drops completed and failed tasks from the list. */
  readonly clearFinished: Query<null>;
}

/**
 * Sync pairs (local folder ↔ cloud folder) run by the back end, window or not. State changes
 * arrive through `sync:changed`; these are intents and reads.
 */
export interface SyncApi {
  readonly list: Query<readonly SyncPairView[]>;
  /** Adds a pair; its first run plans and waits for confirmation. */
  readonly add: Call<AddSyncPairInput, SyncPairView>;
  readonly update: Call<UpdateSyncPairInput, SyncPairView>;
  /** Forgets a pair and its state; no file is touched on either side. */
  readonly remove: Call<SyncPairRef, null>;
  /** Starts a run now (a full scan of both sides). */
  readonly runNow: Call<SyncPairRef, null>;
  /** Scans both sides and answers what a run would do, doing nothing. */
  readonly dryRun: Call<SyncPairRef, SyncPlanView>;
  /** The plan waiting for confirmation, or null. */
  readonly plan: Call<SyncPairRef, SyncPlanView | null>;
  readonly confirmPlan: Call<ConfirmSyncPlanInput, null>;
  readonly conflicts: Call<SyncPairRef, readonly SyncConflict[]>;
  readonly resolveConflict: Call<ResolveSyncConflictInput, null>;
  /** The pair's last runs, newest first. */
  readonly history: Call<SyncPairRef, readonly SyncRunView[]>;
  /** Pauses or resumes every pair (the tray's "Pause all"). */
  readonly pauseAll: Call<PauseAllSyncInput, null>;
}

/** The domains, in a fixed order. */
export const API_DOMAINS = [
  'auth',
  'settings',
  'files',
  'transfers',
  'places',
  'app',
  'shares',
  'directLinks',
  'cloud',
  'sync',
] as const satisfies readonly (keyof PanDeskApi)[];
export type ApiDomain = keyof PanDeskApi;

type MethodOf<D extends ApiDomain> = keyof PanDeskApi[D] & string;

/**
 * Every method name per domain, in a fixed order: the channel table at run time, without any
 * schema library, so the renderer and the preload can build the bridge from it.
 */
export const API_METHODS = {
  auth: ['status', 'signIn', 'signOut', 'useDemo'],
  settings: ['get', 'update', 'setConnection'],
  files: [
    'list',
    'listMore',
    'treeChildren',
    'detail',
    'mkdir',
    'rename',
    'move',
    'trash',
    'listTrash',
    'restore',
    'deleteForever',
    'search',
    'quota',
    'copy',
  ],
  transfers: [
    'upload',
    'download',
    'pause',
    'resume',
    'cancel',
    'retry',
    'moveToTop',
    'clearFinished',
    'clearFailed',
    'page',
    'summary',
  ],
  places: ['list', 'add', 'remove'],
  app: [
    'info',
    'openLogFolder',
    'revealInFolder',
    'startDrag',
    'choosePaths',
    'downloadLink',
    'openFile',
    'openDownload',
    'openCache',
    'clearOpenCache',
    'thumbnail',
    'storeThumbnail',
    'thumbnailTraffic',
    'previewUrl',
  ],
  shares: ['create', 'list', 'setTraffic'],
  directLinks: ['status', 'enable', 'disable', 'url', 'setSigning'],
  cloud: ['download', 'tasks', 'clearFinished'],
  sync: [
    'list',
    'add',
    'update',
    'remove',
    'runNow',
    'dryRun',
    'plan',
    'confirmPlan',
    'conflicts',
    'resolveConflict',
    'history',
    'pauseAll',
  ],
} as const satisfies { readonly [D in ApiDomain]: readonly MethodOf<D>[] };

/** Compile-time check that {@link API_METHODS} lists every method of every domain. */
type UnlistedMethods = {
  [D in ApiDomain]: Exclude<MethodOf<D>, (typeof API_METHODS)[D][number]>;
}[ApiDomain];
const _allMethodsListed: [UnlistedMethods] extends [never] ? true : false = true;
void _allMethodsListed;
