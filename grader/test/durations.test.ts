/**
 * The longest exercise starts first (`src/core/durations.ts`): the order from the last durations, the
 * file they are kept in, and a real grading that starts in that order and reports in the manifest's.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { durationsFile, rememberDurations, startOrder } from '../src/core/durations.js';
import { grade } from '../src/core/run.js';
import { FIXTURE_EXERCISES } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'gradschool-durations-'));
const GRADE = fileURLToPath(new URL('../.grade', import.meta.url));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(path.join(GRADE, `durations-${process.pid}`), { recursive: true, force: true });
});

/** A course folder with a `node_modules` (an installed checkout), and its durations file. */
function installedCourse(name: string): { root: string; file: string } {
  const root = path.join(scratch, name);
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  return { root, file: durationsFile(root)! };
}

describe('the start order', () => {
  const ids = ['01-a', '02-b', '03-c', '04-d'];

  it('starts the longest last time first, the never-graded before them, ties in the manifest order', () => {
    const { file } = installedCourse('order');
    rememberDurations(
      [
        { id: '01-a', durationMs: 300 },
        { id: '02-b', durationMs: 2400 },
        { id: '04-d', durationMs: 300 },
      ],
      file,
    );
    expect(startOrder(ids, file).map((i) => ids[i])).toEqual(['03-c', '02-b', '01-a', '04-d']);
  });

  it('keeps what it knew of the exercises a run did not grade, and rounds to milliseconds', () => {
    const { file } = installedCourse('merge');
    rememberDurations([{ id: '01-a', durationMs: 10.4 }], file);
    rememberDurations([{ id: '02-b', durationMs: 20.6 }], file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '01-a': 10, '02-b': 21 });
  });

  it('is the manifest order without a node_modules, with a broken file, or with nonsense in it', () => {
    expect(durationsFile(path.join(scratch, 'no-such-course'))).toBeNull();
    expect(startOrder(ids, null)).toEqual([0, 1, 2, 3]);
    rememberDurations([{ id: '01-a', durationMs: 5 }], null); // nowhere to keep it: nothing happens
    const { file } = installedCourse('broken');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, '{ not json');
    expect(startOrder(ids, file)).toEqual([0, 1, 2, 3]);
    writeFileSync(file, JSON.stringify({ '04-d': 'slow', '03-c': -1, '02-b': null }));
    expect(startOrder(ids, file)).toEqual([0, 1, 2, 3]);
    rememberDurations([{ id: '02-b', durationMs: 7 }], file); // and a broken file is replaced
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ '02-b': 7 });
  });
});

describe('a grading', () => {
  it('starts in that order, reports in the manifest order, and remembers the durations', async () => {
    // Under grader/.grade/ (gitignored), so the checks' imports resolve from the grader's packages.
    const root = path.join(GRADE, `durations-${process.pid}`);
    mkdirSync(path.join(root, 'node_modules'), { recursive: true });
    const file = durationsFile(root)!;
    for (const id of ['01-passing', '02-failing'])
      cpSync(path.join(FIXTURE_EXERCISES, id), path.join(root, 'exercises', id), { recursive: true });
    rememberDurations(
      [
        { id: '01-passing', durationMs: 1 },
        { id: '02-failing', durationMs: 9000 },
      ],
      file,
    );
    const started: string[] = [];
    const report = await grade({
      root,
      seed: 12345,
      lang: 'en',
      source: 'src',
      concurrency: 1,
      onEvent: (e) => {
        if (e.type === 'exercise-start') started.push(e.id);
      },
    });
    expect(started).toEqual(['02-failing', '01-passing']);
    expect(report.exercises.map((e) => e.id)).toEqual(['01-passing', '02-failing']);
    const remembered = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
    expect(remembered['02-failing']).toBe(report.exercises[1]!.durationMs);
    expect(remembered['01-passing']).toBe(report.exercises[0]!.durationMs);
  }, 60_000);
});
