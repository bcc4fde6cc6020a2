/** A request the sync cannot do as asked, with words for the user (the back end maps its code). */
export class SyncUserError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input' | 'name_conflict' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'SyncUserError';
  }
}
