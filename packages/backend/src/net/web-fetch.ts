/**
 * A WHATWG `Response` over our undici-based fetch, for the hosts' routes that stream a file to
 * a browser or a media element (`Readable.fromWeb(response.body)`, `instanceof Response`). The
 * transfer engine keeps the lighter answer of undici-fetch; these routes pass bytes through at
 * the pace of a player, where the web-stream copy costs nothing that matters.
 */
import { Readable } from 'node:stream';

/** What undici-fetch answers: a Node stream for a body, with `cancel()`. */
interface LiteAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: (Readable & { cancel(): Promise<void> }) | null;
}

/** Statuses whose answer has no body (a `Response` refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function webResponseFetch(base: typeof fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const answer = (await base(input, init)) as Response | LiteAnswer;
    // A host may bring a fetch that answers real Responses already (Electron's net.fetch).
    if (answer instanceof Response) return answer;
    if (NULL_BODY.has(answer.status) || answer.body === null) {
      await answer.body?.cancel();
      return new Response(null, { status: answer.status, headers: answer.headers });
    }
    return new Response(Readable.toWeb(answer.body) as ReadableStream<Uint8Array>, {
      status: answer.status,
      headers: answer.headers,
    });
  }) as typeof fetch;
}
