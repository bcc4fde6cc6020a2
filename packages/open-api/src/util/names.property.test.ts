import { checkName, MAX_NAME_LENGTH } from '@pandesk/contract';
import { startFakePan } from '@pandesk/fake-pan';
import type { FakePan } from '@pandesk/fake-pan';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PanError } from '../errors';
import { assertValidName } from './names';

/**
 * One naming rule, three users: the UI (which calls the contract's `checkName` directly), this
 * client (`assertValidName`, before any request) and the emulator (refusing with the service's
 * name-rule message). For any name, all three must give the same verdict.
 */

let fake: FakePan;
beforeAll(async () => {
  fake = await startFakePan({ port: 0 });
});
afterAll(async () => {
  await fake.close();
});

/** Characters that matter to the rule, plus ordinary ones and characters outside the BMP. */
const CHARACTERS = [
  ...'ab.-_ 中文😀',
  ...'"\\/:*?|><',
  '\t',
  '\n',
  '\r',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\ufeff',
];
const character = fc.constantFrom(...CHARACTERS);
const name = fc.oneof(
  fc.array(character, { maxLength: 12 }).map((cs) => cs.join('')),
  // Around the length limit, where counting code points rather than UTF-16 units matters
  // (one emoji is two UTF-16 units); mostly allowed characters, so length decides.
  fc
    .array(fc.oneof({ weight: 20, arbitrary: fc.constantFrom('a', '中', '😀', ' ') }, character), {
      minLength: MAX_NAME_LENGTH - 3,
      maxLength: MAX_NAME_LENGTH + 3,
    })
    .map((cs) => cs.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

function clientAccepts(candidate: string): boolean {
  try {
    assertValidName(candidate);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(PanError);
    expect((error as PanError).code).toBe('invalid_name');
    return false;
  }
}

let folderCount = 0;
/** Creates a folder named `candidate` in a fresh parent through the emulator's own rules. */
function emulatorAccepts(candidate: string): boolean {
  const parent = fake.state.addFolder(`/names-${++folderCount}`);
  try {
    fake.state.drive.createFolder(parent.id, candidate);
    return true;
  } catch (error) {
    expect((error as Error).message).toMatch(/^文件名要小于256个字符且不能包含以下任何字符/);
    return false;
  }
}

it('the contract, the client and the emulator agree on every name', () => {
  fc.assert(
    fc.property(name, (candidate) => {
      const verdict = checkName(candidate).ok;
      expect(clientAccepts(candidate)).toBe(verdict);
      expect(emulatorAccepts(candidate)).toBe(verdict);
    }),
    { numRuns: 500 },
  );
});
