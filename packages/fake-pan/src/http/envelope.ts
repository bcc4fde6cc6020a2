/**
 * The response envelope `{code, message, data, "x-traceID"}` (reference §1.3) and the other
 * answer shapes a handler can give: a flat JSON body (OAuth token exchange) or "already
 * answered" (a handler that streamed its own response).
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** Trace ids look like the real ones: "<uuid>_kong-db-…". */
export function newTraceId(): string {
  return `${randomUUID()}_kong-db-fake`;
}

/** Name of the response header that carries the trace id on every answer (§12 "Trace id"). */
export const TRACE_HEADER = 'x-traceID';

const traceIds = new WeakMap<ServerResponse, string>();

/**
 * Gives a response its trace id: set as the `x-traceID` header at once, so every answer carries
 * one, including raw gateway errors, non-JSON bodies and the flat OAuth answer whose body has no
 * room for it; enveloped bodies repeat the same id in their `x-traceID` field.
 */
export function assignTraceId(res: ServerResponse): string {
  const id = newTraceId();
  traceIds.set(res, id);
  res.setHeader(TRACE_HEADER, id);
  return id;
}

/** The response's trace id (assigned on first use). */
export function traceIdOf(res: ServerResponse): string {
  return traceIds.get(res) ?? assignTraceId(res);
}

export type Reply =
  | { kind: 'envelope'; code: number; message: string; data: unknown }
  | { kind: 'flat'; status: number; body: unknown }
  | { kind: 'handled' };

/** Success: code 0, message "ok". Mutations pass `null`. */
export function ok(data: unknown = null): Reply {
  return { kind: 'envelope', code: 0, message: 'ok', data };
}

/** A business error: HTTP 200, non-zero code, data null. */
export function fail(code: number, message: string): Reply {
  return { kind: 'envelope', code, message, data: null };
}

/** A JSON body without the envelope (only the OAuth token exchange answers like this). */
export function flat(body: unknown, status = 200): Reply {
  return { kind: 'flat', status, body };
}

/** The handler wrote the response itself. */
export const HANDLED: Reply = { kind: 'handled' };

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.kind === 'handled') return;
  if (reply.kind === 'flat') {
    sendJson(res, reply.status, reply.body);
    return;
  }
  const { code, message, data } = reply;
  sendJson(res, 200, { code, message, data, 'x-traceID': traceIdOf(res) });
}

/** A gateway-style failure: the given status with an HTML body (not JSON). */
export function sendRawHttpError(res: ServerResponse, status: number): void {
  const body = `<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>kong</center></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

/** HTTP 200 whose body is not JSON (a broken proxy page). */
export function sendNonJson(res: ServerResponse): void {
  const body = '<html><body>upstream temporarily unavailable</body></html>';
  res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
