/**
 * Small shared shapes: identifiers and limits. IDs of cloud items are the service's 64-bit
 * integers; every value seen stays far below 2^53, so they travel as JS numbers and are never
 * used in arithmetic. The drive root is `0`.
 */

/** A cloud file or folder id. `0` is the drive root. */
export type FileId = number;

export const ROOT_FOLDER_ID: FileId = 0;

/** Most items one command may name; the back end splits them into the service's batches of 100. */
export const MAX_IDS_PER_CALL = 10_000;

/** Longest local path accepted (Windows' extended-length limit, the largest of the platforms). */
export const MAX_LOCAL_PATH_LENGTH = 32_767;

/** Bytes per second; `0` means unlimited. */
export type BytesPerSecond = number;
