/**
 * The CIFAR-10 example run as a user runs it (a real `node` process on the script), on small files
 * generated in CIFAR-10's real binary format: one label byte, then the red, green and blue planes of
 * 32 × 32. Each class is drawn as its own colour and stripe pattern, with noise, so a few epochs on a
 * few hundred images learn it well above chance (10%).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from '@gradschool/autograd';
import {
  CIFAR10_META_FILE,
  CIFAR10_RECORD,
  CIFAR10_TEST_FILE,
  CIFAR10_TRAIN_FILES,
} from '@gradschool/datasets';
import { afterAll, describe, expect, it } from 'vitest';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

/** One record of class `label`: the class's colour in horizontal stripes every (label + 2) rows, plus noise. */
function record(label: number, rng: Rng): Uint8Array {
  const r = new Uint8Array(CIFAR10_RECORD);
  r[0] = label;
  for (let plane = 0; plane < 3; plane++) {
    const level = ((label * 3 + plane * 7) % 10) * 25;
    for (let p = 0; p < 1024; p++) {
      const stripe = Math.floor(p / 32) % (label + 2) === 0 ? 80 : 0;
      r[1 + plane * 1024 + p] = Math.min(255, level + stripe + rng.int(30));
    }
  }
  return r;
}

function batchFile(count: number, rng: Rng): Uint8Array {
  const out = new Uint8Array(count * CIFAR10_RECORD);
  for (let i = 0; i < count; i++) out.set(record(i % 10, rng), i * CIFAR10_RECORD);
  return out;
}

const root = mkdtempSync(path.join(tmpdir(), 'cifar-example-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder as the official archive unpacks: `cifar-10-batches-bin/` with the five batches, the test batch, the names. */
function makeData(): string {
  const folder = path.join(root, 'cifar-10-batches-bin');
  mkdirSync(folder, { recursive: true });
  const rng = new Rng(5);
  for (const file of CIFAR10_TRAIN_FILES) writeFileSync(path.join(folder, file), batchFile(60, rng));
  writeFileSync(path.join(folder, CIFAR10_TEST_FILE), batchFile(100, rng));
  writeFileSync(path.join(folder, CIFAR10_META_FILE), `${CLASSES.join('\n')}\n\n`);
  return root;
}

/** `node src/train.ts ...args` as `pnpm start` runs it, with `env` added. */
function runScript(args: string[], env: Record<string, string> = {}) {
  const { CIFAR10_DIR: _, ...rest } = process.env;
  return spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/train.ts', ...args], {
    cwd: HERE,
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
}

describe('examples/cifar10', () => {
  it('trains on CIFAR-10 files and prints the loss per epoch and the test accuracy', () => {
    const dir = makeData();
    const run = runScript([dir, '--train', '300', '--test', '100', '--epochs', '3', '--batch', '16']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('300 training images, 100 test images (airplane, automobile,');
    const losses = [...run.stdout.matchAll(/Epoch \d\/3: loss ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(losses).toHaveLength(3);
    expect(losses[2]).toBeLessThan(losses[0]!);
    const accuracy = Number(/test accuracy: ([\d.]+)%/.exec(run.stdout)?.[1]);
    expect(accuracy).toBeGreaterThan(50);
  }, 300_000);

  it('reads the folder from CIFAR10_DIR when none is given', () => {
    const dir = makeData();
    const run = runScript(['--train', '20', '--test', '10', '--epochs', '1'], { CIFAR10_DIR: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Epoch 1\/1: loss/);
  }, 300_000);

  it('says where to download the data, in both languages, when it is missing: exit 2, no stack trace', () => {
    const run = runScript([path.join(root, 'nowhere')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('CIFAR-10 binary version');
    expect(run.stderr).toContain('https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz');
    expect(run.stderr).toMatch(/[가-힣]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for the folder, and refuses a bad option, the same way', () => {
    const none = runScript([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('CIFAR-10 폴더를 알려 주세요');
    expect(none.stderr).toContain('name the CIFAR-10 folder');
    const bad = runScript([root, '--epochs', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--epochs many');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
