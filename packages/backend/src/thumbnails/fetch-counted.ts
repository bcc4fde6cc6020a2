/**
 * Fetches an image's bytes for a thumbnail, counting each chunk as it arrives (so an aborted
 * or failed fetch is counted as far as it got) and stopping as soon as the body grows past
 * the size bound, whatever the listing said the size was. A stalled CDN gives up after
 * {@link THUMBNAIL_FETCH_TIMEOUT_MS}, so it cannot hold one of the few request slots for good.
 * Failures never carry the signed URL.
 */
import { ApiException } from '@pandesk/contract';
import type { FetchLike } from '@pandesk/transfer';

export const THUMBNAIL_FETCH_TIMEOUT_MS = 60_000;

async function read(
  fetch: FetchLike,
  url: string,
  maxBytes: number,
  onBytes: (bytes: number) => void,
): Promise<Buffer> {
  const controller = new AbortController();
  const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(THUMBNAIL_FETCH_TIMEOUT_MS)]);
  const response = await fetch(url, { headers: {}, signal, redirect: 'follow' });
  if (response.status < 200 || response.status > 299 || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    throw ApiException.because('download_server_error', `the CDN answered HTTP ${response.status}`);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.length;
    onBytes(chunk.length);
    if (received > maxBytes) {
      controller.abort();
      throw ApiException.because('file_too_large', 'the image is larger than the thumbnail size bound', {
        params: { maxBytes },
      });
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

export async function fetchCounted(
  fetch: FetchLike,
  url: string,
  maxBytes: number,
  onBytes: (bytes: number) => void,
): Promise<Buffer> {
  try {
    return await read(fetch, url, maxBytes, onBytes);
  } catch (error) {
    if (error instanceof ApiException) throw error;
    // Network failures and timeouts: their text may name the URL, so they are replaced.
    throw ApiException.because('network_lost', 'the image download was interrupted');
  }
}
