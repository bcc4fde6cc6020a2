import { fail } from '@pandesk/contract';
import type { Dispatch } from '@pandesk/contract/server';

/**
 * A dispatcher that can be bound before the back end exists, so the window opens at once on
 * start: calls wait until `ready` gives the real dispatcher (the renderer shows its loading
 * state meanwhile), and answer `internal` if the back end could not start. Resolve `ready`
 * only after events are forwarded, so an answer is never older than the next event.
 */
export function createDeferredDispatch(ready: Promise<Dispatch>): Dispatch {
  return async (channel, input) => {
    let dispatch: Dispatch;
    try {
      dispatch = await ready;
    } catch {
      return fail('internal', 'PanDesk could not start its back end. The log has the details.', false);
    }
    return dispatch(channel, input);
  };
}
