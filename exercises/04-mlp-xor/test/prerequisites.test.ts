/**
 * A wrong `forward` is named where it is wrong, not behind its dependants: the forward checks fail
 * or say where `forward` threw, and the backward checks (backward runs forward first) are not run but
 * say "fix that one first". Before, they failed on their own, one of them with a stack frame inside
 * `forward` and no word that forward was the cause.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gradeWithFile } from '@gradschool/grader/src/dev/grade-file.js';
import { afterAll, describe, expect, it } from 'vitest';

const DIR = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), 'mlp-prerequisites-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The reference solution with `forward` throwing from its first line: saved beside its siblings. */
function throwingForward(): string {
  cpSync(path.join(DIR, 'solution'), scratch, { recursive: true });
  const file = path.join(scratch, 'mlp.ts');
  const source = readFileSync(file, 'utf8');
  const head = 'export function forward(params: MlpParams, x: number[]): ForwardResult {';
  expect(source).toContain(head);
  writeFileSync(
    file,
    source.replace(head, `${head}\n  if (x.length > 0) throw new RangeError('shapes do not match');`),
  );
  return file;
}

describe('a failing prerequisite is named first', () => {
  it('skips backward with "fix forward first", and names forward where it throws', async () => {
    const result = await gradeWithFile(DIR, throwingForward(), 12345);
    const check = (id: string) => result.checks.find((c) => c.id === id)!;
    expect(check('forward-hidden-layer').status).toBe('fail');
    expect(check('forward-output')).toMatchObject({ status: 'fail', skippedBecause: 'forward-hidden-layer' });
    for (const id of ['backward-output-layer', 'backward-hidden-layer']) {
      expect(check(id)).toMatchObject({ status: 'fail', score: 0, skippedBecause: 'forward-output' });
      expect(check(id).message.en).toContain('Fix that one first');
      expect(check(id).message.ko).toContain('그것부터 고치세요');
    }
  }, 60_000);
});
