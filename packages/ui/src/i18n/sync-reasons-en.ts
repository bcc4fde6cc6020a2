import type { SyncReason } from '@pandesk/contract';

/** English words for the sync's own failure causes (`Record`: a new reason needs words). */
export const syncReasonsEn: Record<SyncReason, string> = {
  sync_pair_not_found: 'This sync pair no longer exists.',
  sync_plan_gone: 'This plan is no longer waiting. Look at the pair again.',
  sync_conflict_gone: 'This conflict was settled already.',
  sync_pair_busy: 'The pair is running. Try again when its run is over.',
  sync_copy_not_synced: 'The conflict copy is not synced yet. Try again after the next run.',
  sync_path_not_absolute: 'The local folder must be a full path, such as /home/me/Photos or C:\\Photos.',
  sync_local_folder_missing: 'The local folder “{{path}}” does not exist or is not a folder.',
  sync_folders_overlap: 'This folder overlaps the folder of another pair (“{{other}}”).',
  sync_cloud_folder_taken: 'Another pair already syncs this cloud folder (“{{other}}”).',
  sync_waits_for_sign_in: 'Waiting for the drive to be signed in again; the pair catches up then.',
  sync_folder_unreadable: 'This folder could not be read, so it is left as it is.',
  sync_symlink_left_out: 'Symbolic links are not synced.',
  sync_special_left_out: 'Only regular files and folders are synced, not devices, pipes or sockets.',
  sync_file_and_folder: 'A file and a folder have this name on the two sides; both are left as they are.',
  sync_name_unusable_here: 'This cloud name cannot be used for a file on this computer.',
  sync_case_clash:
    'Differs from “{{other}}” only in upper and lower case, which this computer’s folders cannot tell apart.',
  sync_name_refused: 'The name “{{name}}” is not allowed in 123 Cloud Drive, so the item is not sent.',
  sync_refused_before: '123 Cloud Drive refused this file before; it is sent again once it changes.',
  sync_target_taken: 'Something else already has the name this step needs.',
  sync_gone_locally: 'The item is gone from this computer since the plan.',
  sync_gone_in_cloud: 'The item is gone from the cloud since the plan.',
  sync_changed_since_plan: 'Changed on this computer since the plan; the next run looks at it again.',
  sync_download_vanished:
    'The downloaded file went missing while it was put in place; the next run tries again.',
  sync_transfer_cancelled: 'The transfer was cancelled in the transfer list.',
  sync_steps_not_done: '{{count}} steps of the run did not go through.',
};
