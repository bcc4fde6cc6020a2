/**
 * Reads the first `limit` bytes of a file with one `Range` request and decodes them as text.
 * `truncated` says the file is longer; a character cut at the end is dropped, not garbled.
 * The host answers 206 with `Content-Range: bytes 0-N/TOTAL`; a host or CDN that ignores
 * `Range` answers 200 with everything, and only the first `limit` bytes are read from it.
 */

export interface TextHead {
  readonly text: string;
  readonly truncated: boolean;
  /** Bytes of the whole file when known (from `Content-Range` or `Content-Length`). */
  readonly total: number | null;
}

function totalOf(response: Response): number | null {
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = response.headers.get('content-length');
  return response.status === 200 && length !== null ? Number(length) : null;
}

/** At most `limit` bytes of the body; cancels the rest of the stream. */
async function readAtMost(response: Response, limit: number): Promise<{ bytes: Uint8Array; more: boolean }> {
  if (response.body === null) return { bytes: new Uint8Array(), more: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let more = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > limit) {
      chunks.push(value.subarray(0, limit - size));
      size = limit;
      more = true;
      await reader.cancel();
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { bytes, more };
}

export async function fetchTextHead(url: string, limit: number, signal?: AbortSignal): Promise<TextHead> {
  const response = await fetch(url, { headers: { range: `bytes=0-${limit - 1}` }, signal: signal ?? null });
  if (response.status === 416) return { text: '', truncated: false, total: 0 };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const total = totalOf(response);
  const { bytes, more } = await readAtMost(response, limit);
  const truncated = more || (total !== null && total > bytes.byteLength);
  return { text: decodeText(bytes, truncated), truncated, total };
}

/**
 * UTF-8, or GB18030 (a superset of GBK and GB2312, common for Chinese text files) when the
 * bytes are not valid UTF-8. `cut`: the bytes stop mid-file, so an incomplete last character is
 * left out (`stream: true`) instead of shown as U+FFFD or taken for an encoding error.
 */
export function decodeText(bytes: Uint8Array, cut: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
  } catch {
    return new TextDecoder('gb18030').decode(bytes, { stream: cut });
  }
}
