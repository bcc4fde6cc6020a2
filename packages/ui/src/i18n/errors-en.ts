import { syncReasonsEn } from './sync-reasons-en';
import type { ErrorCode, ErrorReason } from '@pandesk/contract';

/**
 * English words for every error code and reason (what happened, and what to do next). Kept
 * apart from en.ts because the contract's reasons grow; `Record` makes the compiler ask for
 * words whenever a reason is added. Params come from the error (`{{name}}`, `{{path}}`...).
 */
export const codesEn: Record<ErrorCode, string> = {
  auth_required: 'Sign-in is needed. Open Settings and check the connection.',
  rate_limited: 'The service asked PanDesk to slow down. Try again in a moment.',
  not_found: 'The item no longer exists. Refresh to see the current state.',
  name_conflict: 'An item with that name already exists here. Choose another name.',
  invalid_name: 'That name is not allowed.',
  quota: 'Your storage space or download traffic is used up.',
  service: '123 Cloud Drive refused the request. The details show its own explanation.',
  network: 'The service could not be reached. Check the connection and retry.',
  io: 'A local disk operation failed. Check free space and permissions.',
  invalid_input: 'This request cannot be carried out as it is.',
  unsupported: 'This is not available here.',
  cancelled: 'The operation was cancelled.',
  disconnected: 'The link to the PanDesk back end was lost. Retry in a moment.',
  internal: 'Something went wrong inside PanDesk. The log has details.',
};

export const reasonsEn: Record<ErrorReason, string> = {
  ...syncReasonsEn,
  no_credentials:
    'No account is connected. Enter your client ID and client secret in Settings, or try the demo drive.',
  credentials_rejected:
    '123 Cloud Drive did not accept the credentials. Check the client ID and client secret (or the token) in Settings.',
  auth_lost:
    '123 Cloud Drive no longer accepts the saved sign-in. Open Settings and sign in again; paused transfers continue after that.',
  signed_out:
    'Signed out. The client secret and tokens were forgotten; enter them in Settings to sign in again.',
  secret_storage_unavailable:
    'This system offers no encrypted storage, so PanDesk does not save the client secret, tokens or proxy passwords. In the connection settings you can use them only until PanDesk stops.',
  still_connecting: 'PanDesk is still connecting to 123 Cloud Drive. Try again in a moment.',
  service_unreachable:
    '123 Cloud Drive cannot be reached. Check the internet connection and the proxy setting; PanDesk keeps trying.',
  service_unavailable:
    '123 Cloud Drive answered with a server error. This is usually brief; try again in a moment.',
  service_busy: '123 Cloud Drive is still checking the file. Try again in a moment.',
  bad_response: '123 Cloud Drive answered in a form PanDesk does not understand. Try again later.',
  rate_limited: '123 Cloud Drive asked PanDesk to slow down. Try again in a moment.',
  service_said: '123 Cloud Drive refused the request. The details show its own explanation.',
  item_not_found: 'The file or folder no longer exists in the cloud. Refresh to see the current state.',
  name_taken: 'An item with that name already exists in this folder. Choose another name.',
  name_rules:
    'That name is not allowed: it must be shorter than 256 characters and must not contain " \\ / : * ? | > <.',
  move_into_itself:
    'A folder cannot be moved into itself or into one of its own subfolders. Choose another destination.',
  space_exhausted:
    'The cloud drive is full. Free some space (empty the recycle bin) or upgrade the account, then retry.',
  traffic_exhausted:
    'This account’s download traffic is used up for now. Downloads can continue when it renews, or after upgrading the account.',
  file_too_large: 'The file is larger than 123 Cloud Drive accepts ({{size}} at most).',
  upload_failed: '123 Cloud Drive could not put the uploaded file together. Retry to upload it again.',
  upload_not_finished: '123 Cloud Drive did not finish processing the upload in time. Retry later.',
  upload_session_lost: 'The upload kept expiring on the service’s side. Retry to start it again.',
  slice_rejected: '123 Cloud Drive kept refusing part of the upload. Retry later.',
  download_link_refused: 'The download server keeps refusing the download link. Retry later.',
  download_server_error: 'The download server answered with an error (HTTP {{status}}). Retry later.',
  cloud_file_changed:
    'The file changed in the cloud during the download. Retry to download its current version.',
  checksum_mismatch: 'The downloaded file did not match its checksum, twice. Retry to download it again.',
  network_lost: 'The connection was lost. PanDesk continues by itself once the network is back.',
  local_file_changed: 'The local file changed while it was being uploaded. Retry to upload its new content.',
  local_source_missing:
    'The local file “{{path}}” is no longer there, so it cannot be uploaded. Add the file again to upload it.',
  unsafe_local_name: 'The name “{{name}}” cannot be used safely on this computer.',
  local_disk_full: 'The local disk is full. Free some space, then retry.',
  local_permission_denied: 'PanDesk may not read or write a local file or folder (permission denied).',
  local_read_only: 'The local disk or folder is read-only.',
  local_missing: 'A local file or folder no longer exists.',
  local_not_a_folder: 'A file was found where a folder was expected.',
  local_is_a_folder: 'A folder was found where a file was expected.',
  local_too_many_open_files: 'Too many files are open at once. Retry in a moment.',
  local_not_regular_file: 'Only regular files can be transferred, not devices, pipes or sockets.',
  local_io_error: 'A local disk operation failed ({{code}}).',
  local_folder_missing:
    'The folder “{{path}}” does not exist on the computer running PanDesk. Choose an existing folder.',
  local_folder_not_writable: 'PanDesk cannot write into the folder “{{path}}”. Choose another folder.',
  local_path_not_absolute:
    '“{{path}}” is not a full path. Use the folder’s full path, starting with / (or a drive letter such as C:\\ on Windows).',
  local_drive_root:
    '“{{path}}” is the top of a drive, which cannot be a place. Choose a folder on it instead.',
  upload_not_staged:
    'Only files dropped into or picked in the PanDesk page can be uploaded; “{{path}}” is not one of them.',
  upload_is_link: '“{{path}}” is a link to another file or folder; links are not uploaded.',
  download_folder_not_allowed:
    'Downloads go only into the download folder or one of the places in the sidebar (or a folder inside them); “{{path}}” is neither. Add it as a place first.',
  direct_link_benefit_required:
    'Direct links need a 123 Cloud Drive account with VIP or developer benefits. This account has neither.',
  private_key_storage_unavailable:
    'This computer offers no secure storage, so PanDesk does not keep the direct-link private key.',
  share_page_unknown: 'That page of the share list is no longer known. Reload the list.',
  cloud_task_interrupted:
    'PanDesk was closed while this copy was under way. Check the target folder: copies not yet in place may be in a folder named .pandesk-copy-… there.',
  cloud_task_gave_up:
    'The service had not finished after {{hours}} hours, so PanDesk stopped following this task. It may still finish on the service.',
  cloud_fetch_failed:
    '123 Cloud Drive could not fetch this address (service status {{status}}). Check that it is reachable from the internet.',
  copy_failed: '123 Cloud Drive reported that the copy failed. Nothing may have been copied.',
  copy_placement_failed:
    'Copies that could not be put in place: {{count}}. Originals that were to be replaced were kept.',
  copy_sources_missing: 'Items to copy that no longer exist: {{count}}.',
  open_not_a_file: 'Only files can be opened with another application.',
  open_larger_than_cache:
    '“{{name}}” is larger than the cache for opened files ({{limitMb}} MiB). Download it instead, or raise the limit in Settings.',
  download_not_listed: 'That download is no longer in the list of finished downloads.',
  root_folder_missing:
    'No folder with ID {{id}} exists on the drive. Find the folder’s ID in the address of the 123 Cloud Drive web page (after homeFilePath=), or use 0 for the whole drive.',
  root_folder_is_file:
    'ID {{id}} is the file “{{name}}”, not a folder. Use a folder’s ID, or 0 for the whole drive.',
  root_folder_trashed:
    'The folder “{{name}}” (ID {{id}}) is in the recycle bin. Restore it or choose another folder.',
  invalid_setting: 'The value of “{{field}}” cannot be used. Check it and save again.',
  invalid_request:
    'PanDesk could not carry out this request (a mistake inside PanDesk). The log has the details.',
  listing_expired: 'The folder changed while it was being listed. Refresh to list it again.',
  place_not_found: 'That local place no longer exists.',
  place_builtin: 'Built-in places cannot be removed.',
  not_available_here: 'This is not available here.',
  disconnected: 'The link to the PanDesk back end was lost. Try again in a moment.',
  cancelled: 'The operation was cancelled.',
  internal: 'Something went wrong inside PanDesk. The log has the details.',
};

/** Why a running transfer waits, by the reason it carries. */
export const waitingEn = {
  rate_limited: 'Waiting: the service asked to slow down',
  service_unavailable: 'Waiting for the service (server error)',
  service_busy: 'Waiting for the service to check the file',
  service_unreachable: 'Waiting for the network',
  network_lost: 'Waiting for the network',
  still_connecting: 'Waiting for the connection',
};

/** Lines of an error's details view. */
export const detailEn = {
  title: 'Details',
  serviceCode: 'Service code: {{value}}',
  serviceMessage: 'The service said: {{value}}',
  httpStatus: 'HTTP status: {{value}}',
  traceId: 'Trace ID: {{value}}',
  host: 'Service address: {{value}}',
  path: 'Path: {{value}}',
};
