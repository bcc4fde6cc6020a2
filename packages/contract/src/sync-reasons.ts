/**
 * The sync's own failure causes, closed like the other error vocabularies: each has the code
 * (the kind of next step) it belongs to, and words in every UI language. Values the words
 * need travel in `params` (`path`, `other`); the English `message` beside them is for logs.
 */
import type { ErrorCode } from './errors';

export const SYNC_REASONS = [
  /** The sync pair does not exist (any more). */
  'sync_pair_not_found',
  /** The plan no longer waits for confirmation (done, discarded or replaced). */
  'sync_plan_gone',
  /** The conflict was settled already. */
  'sync_conflict_gone',
  /** The pair is running; conflicts are settled between runs. */
  'sync_pair_busy',
  /** The conflict copy has not been synced yet, so it cannot be settled. */
  'sync_copy_not_synced',
  /** The local folder is not a full path. */
  'sync_path_not_absolute',
  /** The local folder does not exist or is not a folder. Params: `path`. */
  'sync_local_folder_missing',
  /** The local folder lies inside another pair's, or contains it. Params: `other`. */
  'sync_folders_overlap',
  /** Another pair syncs this cloud folder. Params: `other`. */
  'sync_cloud_folder_taken',
  /** The pair waits for the drive to be signed in again. */
  'sync_waits_for_sign_in',
  /** A local folder could not be read, so it is left as it is. */
  'sync_folder_unreadable',
  /** A symbolic link in the local folder is not synced. */
  'sync_symlink_left_out',
  /** A local device, pipe or socket is not synced. */
  'sync_special_left_out',
  /** A file and a folder have the same name on the two sides; both are left as they are. */
  'sync_file_and_folder',
  /** The cloud name cannot be used for a file on this computer. */
  'sync_name_unusable_here',
  /** Two cloud names differ only in case and this computer cannot tell them apart. Params: `other`. */
  'sync_case_clash',
  /** The name breaks the service's naming rules; the item is not sent. Params: `name`. */
  'sync_name_refused',
  /** The service refused this file before and it has not changed; `detail` has its words. */
  'sync_refused_before',
  /** Something else already has the name this step needs. */
  'sync_target_taken',
  /** The item is gone from this computer since the plan. */
  'sync_gone_locally',
  /** The item is gone from the cloud since the plan. */
  'sync_gone_in_cloud',
  /** The item changed on this computer since the plan; the next run looks again. */
  'sync_changed_since_plan',
  /** A downloaded file went missing before or right after it was put in place. */
  'sync_download_vanished',
  /** The transfer was cancelled in the transfer list. */
  'sync_transfer_cancelled',
  /** Some steps of the run did not go through. Params: `count`. */
  'sync_steps_not_done',
] as const;

export type SyncReason = (typeof SYNC_REASONS)[number];

export const SYNC_REASON_CODES: Readonly<Record<SyncReason, ErrorCode>> = {
  sync_pair_not_found: 'not_found',
  sync_plan_gone: 'not_found',
  sync_conflict_gone: 'not_found',
  sync_pair_busy: 'unsupported',
  sync_copy_not_synced: 'unsupported',
  sync_path_not_absolute: 'invalid_input',
  sync_local_folder_missing: 'invalid_input',
  sync_folders_overlap: 'invalid_input',
  sync_cloud_folder_taken: 'invalid_input',
  sync_waits_for_sign_in: 'auth_required',
  sync_folder_unreadable: 'io',
  sync_symlink_left_out: 'unsupported',
  sync_special_left_out: 'unsupported',
  sync_file_and_folder: 'name_conflict',
  sync_name_unusable_here: 'invalid_name',
  sync_case_clash: 'name_conflict',
  sync_name_refused: 'invalid_name',
  sync_refused_before: 'invalid_name',
  sync_target_taken: 'name_conflict',
  sync_gone_locally: 'not_found',
  sync_gone_in_cloud: 'not_found',
  sync_changed_since_plan: 'cancelled',
  sync_download_vanished: 'io',
  sync_transfer_cancelled: 'cancelled',
  sync_steps_not_done: 'io',
};
