import type { z } from 'zod';
import { fail, ok } from '../errors';
import type { Result } from '../errors';

/**
 * Turns schema failures into one readable sentence for an `invalid_input` error, e.g.
 * `files:rename: name: A name cannot contain any of these characters: ...`. Zod's messages
 * used here never echo the input value, so a rejected secret is not repeated back.
 */

/** Most issues listed in one message; the rest are counted. */
const MAX_LISTED_ISSUES = 5;

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'input';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** Formats every issue as `path: message`, joined with `; `. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((issue) => `${describePath(issue.path)}: ${issue.message}`);
  const more = issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')}; and ${more} more problem(s)` : listed.join('; ');
}

/**
 * Validates `input` against `schema`; on failure answers `invalid_input` whose message starts
 * with `label` (usually the channel name) so the reader knows which call was refused. The
 * reason is `invalid_request` (a caller's bug) unless the input is what a person typed
 * (`invalid_setting`); `params.field` names the first field refused.
 */
export function parseInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  label: string,
  reason: 'invalid_request' | 'invalid_setting' = 'invalid_request',
): Result<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const field = parsed.error.issues[0]?.path[0];
  return fail('invalid_input', `${label}: ${formatIssues(parsed.error.issues)}`, false, {
    reason,
    ...(typeof field === 'string' ? { params: { field } } : {}),
  });
}
