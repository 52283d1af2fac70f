/**
 * An error thrown in the student's code is placed in their file, and named by the function it came
 * from; when a helper the checked function called threw (backward → forward), the helper is named
 * as the place to look.
 */
import { describe, expect, it } from 'vitest';
import { errorMessage, studentFrames } from '../src/core/verdict.js';

const file = {
  absolute: '/course/exercises/04-mlp-xor/src/mlp.ts',
  shownAs: 'exercises/04-mlp-xor/src/mlp.ts',
};
const error = (stack: string) => ({
  name: 'RangeError',
  message: 'shapes do not match',
  stack,
  notImplemented: false,
});
const HARNESS = '    at Object.apply (file:///tmp/gradschool-x/child-y/harness.mjs:205:32)';

describe('studentFrames', () => {
  it("keeps the student's frames, innermost first, with their functions", () => {
    const stack = [
      'RangeError: shapes do not match',
      `    at forward (${file.absolute}:61:27)`,
      `    at Object.backward (${file.absolute}:76:20)`,
      HARNESS,
      `    at ${file.absolute}:90:3`,
    ].join('\n');
    expect(studentFrames(stack, file)).toEqual([
      { where: 'exercises/04-mlp-xor/src/mlp.ts:61:27', fn: 'forward' },
      { where: 'exercises/04-mlp-xor/src/mlp.ts:76:20', fn: 'backward' },
      { where: 'exercises/04-mlp-xor/src/mlp.ts:90:3' },
    ]);
    expect(studentFrames(undefined, file)).toEqual([]);
  });
});

describe('errorMessage', () => {
  it('names the helper that threw and the function the check called', () => {
    const stack = [
      'RangeError: shapes do not match',
      `    at forward (${file.absolute}:61:27)`,
      `    at Object.backward (${file.absolute}:76:20)`,
      HARNESS,
    ].join('\n');
    const message = errorMessage(error(stack), file);
    expect(message.en).toContain(
      'at exercises/04-mlp-xor/src/mlp.ts:61:27, in `forward`, called by `backward`',
    );
    expect(message.en).toContain('Look at `forward` first');
    expect(message.ko).toContain('`backward`가 부른 `forward` 안');
  });

  it('names the function itself when it threw directly, and only the place when V8 knows no name', () => {
    const direct = ['RangeError: x', `    at Object.forward (${file.absolute}:61:27)`, HARNESS].join('\n');
    expect(errorMessage(error(direct), file).en).toContain(
      'at exercises/04-mlp-xor/src/mlp.ts:61:27, in `forward`',
    );
    expect(errorMessage(error(direct), file).en).not.toContain('called by');
    const anonymous = ['RangeError: x', `    at ${file.absolute}:3:9`, HARNESS].join('\n');
    expect(errorMessage(error(anonymous), file).en).toBe(
      'Your code threw an error: RangeError: shapes do not match\n    at exercises/04-mlp-xor/src/mlp.ts:3:9',
    );
  });
});
