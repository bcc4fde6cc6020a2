import { expect, it } from 'vitest';
import { nameSchema } from './names';

it('reports the same message as checkName through the zod schema', () => {
  const parsed = nameSchema.safeParse('a:b');
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues[0]?.message).toMatch(/cannot contain .* \(found :\)/);
  expect(nameSchema.safeParse('\u3000').error?.issues[0]?.message).toBe(
    'A name cannot be made only of spaces.',
  );
  expect(nameSchema.safeParse('fine').success).toBe(true);
});
