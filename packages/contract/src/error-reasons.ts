/**
 * The one vocabulary of specific failure causes shared by every layer: open-api names the
 * service's answers with it, the transfer engine its own and the local disk's failures, the
 * back end its own conditions (sign-in, settings, places). The renderer turns a reason (and its
 * `params`) into words in the user's language; the English `message` next to it is for logs.
 *
 * Closed: add a reason here (with its code below, and its words in every UI language, which a
 * test checks), never invent one ad hoc.
 */
import type { ErrorCode } from './errors';
import { SYNC_REASONS, SYNC_REASON_CODES } from './sync-reasons';

export const ERROR_REASONS = [
  // Account and sign-in
  /** Nothing entered yet: no client id + secret, no access token, no refresh token. */
  'no_credentials',
  /** Signing in was refused: wrong client id or secret, or a token the service does not accept. */
  'credentials_rejected',
  /** The service accepted the credentials before and refuses them now (token revoked or expired). */
  'auth_lost',
  /** The user signed out: the client secret and tokens were forgotten. */
  'signed_out',
  /** The system offers no encrypted storage, so secrets are not accepted. */
  'secret_storage_unavailable',
  /** Signing in is still under way; the drive is not usable yet. */
  'still_connecting',

  // The service
  /** The service could not be reached, or did not answer in time. Params: `host` (optional). */
  'service_unreachable',
  /** The service or its gateway answered with a server error (5xx, a page instead of JSON). */
  'service_unavailable',
  /** The service is still checking a file (code 20103) and asks to try again shortly. */
  'service_busy',
  /** The service answered in a form PanDesk does not understand. */
  'bad_response',
  /** The service asked PanDesk to slow down (code 429). */
  'rate_limited',
  /** Any other refusal of the service; `detail` carries its code and its own words. */
  'service_said',

  // Cloud items
  /** The cloud file or folder does not exist (any more). */
  'item_not_found',
  /** Another item in the folder already has that name. Params: `name` (optional). */
  'name_taken',
  /** The name breaks the service's naming rules. Params: `problem` (a NameProblem), `character`. */
  'name_rules',
  /** A folder cannot be moved into itself or into one of its own subfolders. */
  'move_into_itself',
  /** The drive's storage space is used up. */
  'space_exhausted',
  /** The account's download traffic is used up (code 5113). */
  'traffic_exhausted',
  /** The file is larger than the service accepts through this upload method. Params: `maxBytes`. */
  'file_too_large',

  // Transfers
  /** The service could not put the uploaded file together (for example its checksum did not match). */
  'upload_failed',
  /** The service did not finish an upload in the time it was given. */
  'upload_not_finished',
  /** The upload session kept expiring; starting again did not help. */
  'upload_session_lost',
  /** The service kept refusing a piece of the upload. */
  'slice_rejected',
  /** The download server keeps refusing the download link. */
  'download_link_refused',
  /** The download server answered with an unexpected HTTP status. Params: `status`. */
  'download_server_error',
  /** The cloud file changed while it was being downloaded; a retry gets its current version. */
  'cloud_file_changed',
  /** The downloaded bytes did not match the file's checksum, twice. */
  'checksum_mismatch',
  /** A transfer's connection broke or went silent. */
  'network_lost',
  /** The local file changed while it was being uploaded. */
  'local_file_changed',
  /** The local file to upload is no longer there. Params: `path`. */
  'local_source_missing',
  /** A cloud name cannot be used as a local name safely. Params: `name`. */
  'unsafe_local_name',

  // The local disk
  /** The local disk (or the user's disk quota) is full. */
  'local_disk_full',
  /** PanDesk may not read or write a local file or folder. Params: `path` (optional). */
  'local_permission_denied',
  /** The local disk or folder is read-only. */
  'local_read_only',
  /** A local file or folder does not exist (any more). Params: `path` (optional). */
  'local_missing',
  /** A file was found where a folder was expected. Params: `path` (optional). */
  'local_not_a_folder',
  /** A folder was found where a file was expected. */
  'local_is_a_folder',
  /** Too many files are open at once. */
  'local_too_many_open_files',
  /** Only regular files can be transferred, not devices, pipes or sockets. */
  'local_not_regular_file',
  /** Any other local disk failure. Params: `code` (the system's error code, e.g. EIO). */
  'local_io_error',
  /** A local folder (download folder, place) does not exist or is not a folder. Params: `path`. */
  'local_folder_missing',
  /** A local folder exists but cannot be written. Params: `path`. */
  'local_folder_not_writable',

  // Local paths named by the window (data, not authority)
  /** A local path is not a full path. Params: `path`. */
  'local_path_not_absolute',
  /** The top of a drive (`/`, `C:\\`) cannot be a place. Params: `path`. */
  'local_drive_root',
  /** In the browser host only files dropped into or picked in the page are uploaded. Params: `path`. */
  'upload_not_staged',
  /** A link to another file or folder is not uploaded. Params: `path`. */
  'upload_is_link',
  /** In the browser host downloads go only into the download folder or a place. Params: `path`. */
  'download_folder_not_allowed',

  // Shares, direct links and cloud tasks
  /** Direct links need VIP or developer benefits the account does not have. */
  'direct_link_benefit_required',
  /** Without secure storage the direct-link private key is not kept. */
  'private_key_storage_unavailable',
  /** A page of the share list that is not known (any more); the list must be loaded again. */
  'share_page_unknown',
  /** PanDesk stopped while a copy was under way; copies not yet in place may be in a staging folder. */
  'cloud_task_interrupted',
  /** The service had not finished a task after PanDesk's longest wait. Params: `hours`. */
  'cloud_task_gave_up',
  /** The service could not fetch a cloud download's address. Params: `status` (the service's). */
  'cloud_fetch_failed',
  /** The service reported that a copy failed. */
  'copy_failed',
  /** Copies could not be put in place (renamed or moved in); originals were kept. Params: `count`. */
  'copy_placement_failed',
  /** Items to copy no longer exist. Params: `count`. */
  'copy_sources_missing',

  // Opening files
  /** Only files open with another application, not folders. */
  'open_not_a_file',
  /** The file is larger than the cache for opened files. Params: `name`, `limitMb`. */
  'open_larger_than_cache',
  /** The finished download to open or show is no longer in the list. */
  'download_not_listed',

  // Settings and the app
  /** The root folder ID names nothing on the drive. Params: `id`. */
  'root_folder_missing',
  /** The root folder ID names a file. Params: `id`, `name`. */
  'root_folder_is_file',
  /** The root folder ID names a folder in the recycle bin. Params: `id`, `name`. */
  'root_folder_trashed',
  /** A setting's value is not acceptable. Params: `field` (the setting's key). */
  'invalid_setting',
  /** A call the contract refused (a bug in the caller); the log has the details. */
  'invalid_request',
  /** A listing position is no longer valid; the folder must be listed again. */
  'listing_expired',
  /** The local place does not exist (any more). */
  'place_not_found',
  /** Built-in places cannot be removed. */
  'place_builtin',
  /** The host cannot do this (e.g. a native drag in a browser). */
  'not_available_here',
  /** The link to the back end is gone (window closing, socket dropped). */
  'disconnected',
  /** The operation was cancelled. */
  'cancelled',
  /** A bug or an unexpected state inside PanDesk; details are in the log. */
  'internal',
  // Sync pairs (sync-reasons.ts)
  ...SYNC_REASONS,
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

/** The code (the kind of next step) each reason belongs to; producers name the reason only. */
export const REASON_CODES: Readonly<Record<ErrorReason, ErrorCode>> = {
  no_credentials: 'auth_required',
  credentials_rejected: 'auth_required',
  auth_lost: 'auth_required',
  signed_out: 'auth_required',
  secret_storage_unavailable: 'unsupported',
  still_connecting: 'network',
  service_unreachable: 'network',
  service_unavailable: 'network',
  service_busy: 'network',
  bad_response: 'network',
  rate_limited: 'rate_limited',
  service_said: 'service',
  item_not_found: 'not_found',
  name_taken: 'name_conflict',
  name_rules: 'invalid_name',
  move_into_itself: 'invalid_input',
  space_exhausted: 'quota',
  traffic_exhausted: 'quota',
  file_too_large: 'invalid_input',
  upload_failed: 'service',
  upload_not_finished: 'service',
  upload_session_lost: 'service',
  slice_rejected: 'service',
  download_link_refused: 'service',
  download_server_error: 'network',
  cloud_file_changed: 'service',
  checksum_mismatch: 'service',
  network_lost: 'network',
  local_file_changed: 'io',
  local_source_missing: 'not_found',
  unsafe_local_name: 'invalid_name',
  local_disk_full: 'io',
  local_permission_denied: 'io',
  local_read_only: 'io',
  local_missing: 'not_found',
  local_not_a_folder: 'io',
  local_is_a_folder: 'io',
  local_too_many_open_files: 'io',
  local_not_regular_file: 'io',
  local_io_error: 'io',
  local_folder_missing: 'invalid_input',
  local_folder_not_writable: 'invalid_input',
  local_path_not_absolute: 'invalid_input',
  local_drive_root: 'invalid_input',
  upload_not_staged: 'invalid_input',
  upload_is_link: 'invalid_input',
  download_folder_not_allowed: 'invalid_input',
  direct_link_benefit_required: 'unsupported',
  private_key_storage_unavailable: 'unsupported',
  share_page_unknown: 'invalid_input',
  cloud_task_interrupted: 'cancelled',
  cloud_task_gave_up: 'network',
  cloud_fetch_failed: 'not_found',
  copy_failed: 'service',
  copy_placement_failed: 'service',
  copy_sources_missing: 'not_found',
  open_not_a_file: 'unsupported',
  open_larger_than_cache: 'unsupported',
  download_not_listed: 'not_found',
  root_folder_missing: 'invalid_input',
  root_folder_is_file: 'invalid_input',
  root_folder_trashed: 'invalid_input',
  invalid_setting: 'invalid_input',
  invalid_request: 'invalid_input',
  listing_expired: 'invalid_input',
  place_not_found: 'not_found',
  place_builtin: 'unsupported',
  not_available_here: 'unsupported',
  disconnected: 'disconnected',
  cancelled: 'cancelled',
  internal: 'internal',
  ...SYNC_REASON_CODES,
};

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}
