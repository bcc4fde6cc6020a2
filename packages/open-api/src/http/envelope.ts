import type { ZodType } from 'zod';
import { PanError } from '../errors';
import { envelopeSchema } from '../wire/common';
import { serviceError } from './service-errors';

/** Describe a zod failure by paths and expectations only; values (which may be secret) never appear. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Unwrap `{code, message, data, x-traceID}`: a non-zero code becomes a typed PanError; a zero
 * code has its `data` validated against `schema`, so a malformed answer is a `bad_response`.
 */
export function decodeEnvelope<T>(json: unknown, schema: ZodType<T>, endpoint: string): T {
  const env = envelopeSchema.safeParse(json);
  if (!env.success) {
    throw new PanError(
      'bad_response',
      `${endpoint}: answer is not an envelope (${describeIssues(env.error.issues)})`,
      { endpoint },
    );
  }
  const { code, message, data } = env.data;
  const traceId = env.data['x-traceID'];
  if (code !== 0) throw serviceError(code, message, traceId, endpoint);
  const parsed = schema.safeParse(data ?? null);
  if (!parsed.success) {
    throw new PanError(
      'bad_response',
      `${endpoint}: unexpected data (${describeIssues(parsed.error.issues)})`,
      {
        endpoint,
        traceId: traceId || undefined,
      },
    );
  }
  return parsed.data;
}
