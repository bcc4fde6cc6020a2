/**
 * Fetch wrappers that alter traffic between the client and fake-pan, for answers and accidents
 * the emulator has no switch for: a JSON answer rewritten (a malformed or unusual answer), or a
 * byte of a request body flipped on the way (a slice corrupted in transit).
 */
import type { PlainFetch } from './pan-kit';

const base: PlainFetch = (input, init) => globalThis.fetch(input, init);

/** Answers of requests to paths containing `path` pass through `edit` (on the parsed JSON) while `active()`. */
export function rewriteJson(
  path: string,
  edit: (json: Record<string, unknown>) => void,
  active: () => boolean,
): PlainFetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (!input.includes(path) || !active()) return response;
    const json = (await response.json()) as Record<string, unknown>;
    edit(json);
    return new Response(JSON.stringify(json), { status: response.status, headers: response.headers });
  };
}

/** Flips one byte, `offset` bytes into the request body, of the next `times` requests to `path`. */
export function flipRequestByte(
  path: string,
  offset: number,
  times: number,
): PlainFetch & { flipped(): number } {
  let left = times;
  const wrapped = (async (input: string, init: RequestInit) => {
    if (!input.includes(path) || left === 0 || !(init.body instanceof ReadableStream))
      return base(input, init);
    left--;
    let seen = 0;
    const body = init.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const copy = new Uint8Array(chunk);
          if (offset >= seen && offset < seen + copy.length)
            copy[offset - seen] = (copy[offset - seen] ?? 0) ^ 0xff;
          seen += copy.length;
          controller.enqueue(copy);
        },
      }),
    );
    return base(input, { ...init, body });
  }) as PlainFetch & { flipped(): number };
  wrapped.flipped = () => times - left;
  return wrapped;
}
