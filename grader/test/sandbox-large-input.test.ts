/**
 * Inputs as large as 06-mnist's (20,000 images, 16 MB of bytes) reach the probe whole, over the real
 * pipe, however the pipe cuts them into chunks; and the frame after a large one is read too. The
 * child joins a frame's chunks once, when it is whole (`FrameReader`): the way it joined them before,
 * at every chunk, cost 06's training check 5.6 s of copying (measured; speed is `pnpm bench`'s job).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../src/sandbox/sandbox.js';
import { sandboxCodeFor } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'grade-large-input-'));
let code: { checksCode: string; studentCode: string };

beforeAll(async () => {
  writeFileSync(
    path.join(dir, 'student.ts'),
    [
      '/** Length, a position-weighted checksum, and the first and last byte. */',
      'export function digest(bytes: Uint8Array): number[] {',
      '  let sum = 0;',
      '  for (let i = 0; i < bytes.length; i++) sum = (sum * 31 + bytes[i]!) % 1_000_000_007;',
      '  return [bytes.length, sum, bytes[0]!, bytes[bytes.length - 1]!];',
      '}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, 'checks.ts'),
    'export default { checks: [{ id: "digest", probe: (s: { digest(b: Uint8Array): number[] }, b: Uint8Array) => s.digest(b) }] };\n',
  );
  code = await sandboxCodeFor(path.join(dir, 'checks.ts'), path.join(dir, 'student.ts'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The same digest, computed here. */
function digest(bytes: Uint8Array): number[] {
  let sum = 0;
  for (let i = 0; i < bytes.length; i++) sum = (sum * 31 + bytes[i]!) % 1_000_000_007;
  return [bytes.length, sum, bytes[0]!, bytes[bytes.length - 1]!];
}

/** `n` bytes of a simple generator (no two neighbouring chunks alike). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

it('a 20 MB input reaches the probe whole, and the small ones after it too', async () => {
  const { sandbox, outcome } = await Sandbox.start({
    ...code,
    heapMb: 256,
    rssMb: 768,
    loadTimeoutMs: 30_000,
  });
  expect(outcome.kind).toBe('value');
  for (const input of [bytes(20_000_000, 1), bytes(3, 2), bytes(1_000_001, 3), bytes(1, 4)]) {
    const answer = await sandbox.run('digest', input, 20_000);
    expect(answer).toMatchObject({ kind: 'value', value: digest(input) });
  }
  sandbox.dispose();
}, 60_000);
