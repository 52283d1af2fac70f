/**
 * Fault injection in the student's file itself: a folder in its place, a case-only rename, 50 MB and
 * 2 MB files, a loop at the top level; and files that must still grade: a BOM, CRLF line endings,
 * bytes that are not UTF-8. One course, graded by the real `pnpm grade` locally (also with
 * `--min-score 100`) and as a submission.
 *
 * A broken file costs its exercise, whose full maximum stays in the total: the run exits 1 (not 2:
 * the course is fine), never celebrates, and says what is wrong with the file.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/index.js';
import {
  type CliRun,
  CORRECT,
  EXERCISE_MAX,
  exerciseOf,
  expectNoSurvivors,
  expectTotals,
  gradeCli,
  makeBase,
  privateFolders,
  readValidReport,
  removeBase,
  STARTER,
  studentPath,
  until,
  type WrittenReport,
  write,
  writeCourse,
} from './faults-course.js';

const IDS = [
  '01-folder',
  '02-softmax',
  '03-huge',
  '04-large',
  '05-bom',
  '06-crlf',
  '07-bytes',
  '08-stuck',
  '09-right',
];
/** The exercises whose file is broken (the rest must pass in full). */
const BROKEN = ['01-folder', '02-softmax', '03-huge', '04-large', '08-stuck'];
const LOST = Object.fromEntries(BROKEN.map((id) => [id, 'all' as const]));
const MB = 1024 * 1024;

/**
 * A loop at the top level that never ends. Graded locally it spins (`while (true) {}`); in the
 * submission it sleeps in `Atomics.wait`, which blocks the child's event loop just as well — for the
 * grader the same fault, that only the 30 s load timeout ends — without a second core kept busy for
 * those 30 s (the longest stretch of CPU in the grader's tests).
 */
const STUCK_LOOP = {
  spins: 'while (true) {}',
  sleeps: 'for (const cell = new Int32Array(new SharedArrayBuffer(4)); ; ) Atomics.wait(cell, 0, 0, 1000);',
} as const;

/** Plants the faults in `tree` (a course, or a submission with the repository's layout). */
function plant(tree: string, stuck: keyof typeof STUCK_LOOP): void {
  for (const id of ['05-bom', '06-crlf', '07-bytes', '09-right']) write(studentPath(tree, id), CORRECT);
  write(path.join(studentPath(tree, '01-folder'), 'folder.ts'), CORRECT);
  write(path.join(path.dirname(studentPath(tree, '02-softmax')), 'Softmax.ts'), CORRECT);
  write(studentPath(tree, '03-huge'), `${CORRECT}// ${'x'.repeat(50 * MB)}\n`);
  write(studentPath(tree, '04-large'), `${CORRECT}// ${'x'.repeat(2 * MB)}\n`);
  write(studentPath(tree, '05-bom'), `\uFEFF${CORRECT}`);
  write(studentPath(tree, '06-crlf'), CORRECT.replaceAll('\n', '\r\n'));
  const latin1 = Buffer.from('// café in Latin-1: caf\xe9, and a lone continuation byte: \x80\n', 'latin1');
  write(studentPath(tree, '07-bytes'), Buffer.concat([latin1, Buffer.from(CORRECT)]));
  write(studentPath(tree, '08-stuck'), `${STUCK_LOOP[stuck]}\n${CORRECT}`);
}

/** Loading is limited to 30 s (`LOAD_TIMEOUT_MS`, not configurable): the top-level loop costs that. */
const STUCK =
  'Loading exercises/08-stuck/src/stuck.ts did not finish in 30 s: look for a loop at the top level';

let base: string;
const runs: Record<'local' | 'submission' | 'minScore', CliRun> = {} as never;
const reports = new Map<string, WrittenReport>();
function reportOf(mode: keyof typeof runs): WrittenReport {
  if (!reports.has(mode)) reports.set(mode, readValidReport(path.join(base, `${mode}.json`)));
  return reports.get(mode)!;
}

beforeAll(async () => {
  base = makeBase('files');
  const course = path.join(base, 'course');
  writeCourse(course, IDS, { timeLimitMs: 2000 });
  plant(course, 'spins');
  const repo = path.join(base, 'repo');
  writeCourse(repo, IDS, { timeLimitMs: 2000 });
  for (const id of IDS) write(studentPath(repo, id), STARTER);
  plant(path.join(base, 'submission'), 'sleeps');
  [runs.local, runs.submission, runs.minScore] = await Promise.all([
    gradeCli(base, course, ['--ci', '--json', 'local.json']),
    gradeCli(base, repo, ['--ci', '--submission', 'submission', '--json', 'submission.json']),
    // The folder is the only fault here: counted in the total, it keeps the score under 100%.
    gradeCli(base, course, ['--ci', '--json', 'minScore.json', '--min-score', '100', '01', '09']),
  ]);
}, 240_000);
afterAll(() => removeBase(base));

describe.each(['local', 'submission'] as const)('a broken student file, graded %s', (mode) => {
  it('exits 1 (a student fault, not a configuration error) with a schema-valid report', () => {
    const run = runs[mode];
    expect([run.timedOut, run.signal, run.code]).toEqual([false, null, 1]);
    // Not a crash, not out of heap (the 50 MB file is refused before it is read).
    expect(run.stderr).toBe('');
    reportOf(mode);
  });

  it('costs the exercise its full maximum, counted in the total; the other exercises keep theirs', () => {
    const report = reportOf(mode);
    expectTotals(report, IDS, LOST);
    for (const id of BROKEN) expect(exerciseOf(report, id).checks.every((c) => c.score === 0)).toBe(true);
  });

  it('a BOM, CRLF line endings and bytes that are not UTF-8 grade as usual', () => {
    for (const id of ['05-bom', '06-crlf', '07-bytes'])
      expect([id, exerciseOf(reportOf(mode), id).status]).toEqual([id, 'pass']);
  });

  it('a loop at the top level is said once: loading did not finish', () => {
    const ex = exerciseOf(reportOf(mode), '08-stuck');
    expect([ex.status, ex.problem?.code]).toEqual(['error', 'load-failed']);
    expect(ex.problem?.message).toContain(STUCK);
    expect(runs[mode].stdout.split(STUCK).length - 1).toBe(1);
  });

  it('leaves no sandbox child and no private folder behind', async () => {
    expectNoSurvivors(runs[mode]);
    await until(() => privateFolders(runs[mode].tmp).length === 0, 'the private folders to go', 10_000);
  });
});

describe('graded locally, the exercise says what is wrong with its file', () => {
  const problem = (id: string) => exerciseOf(reportOf('local'), id).problem;

  it('a folder in place of the file', () => {
    expect(problem('01-folder')).toMatchObject({
      code: 'not-a-file',
      message: t('core.static.isDirectory', 'en', { file: 'exercises/01-folder/src/folder.ts' }),
    });
    expect(problem('01-folder')?.message).toContain('is a directory');
  });

  it('a file whose name differs only in case', () => {
    expect(problem('02-softmax')).toMatchObject({ code: 'case-mismatch' });
    expect(problem('02-softmax')?.message).toContain('Softmax.ts differs from softmax.ts only in case');
  });

  it('files over 1 MiB, 50 MB and 2 MB', () => {
    expect(problem('03-huge')?.message).toContain('is 50 MB; the limit is 1 MiB');
    expect(problem('04-large')?.message).toContain('is 2 MB; the limit is 1 MiB');
  });

  it('--min-score 100 is not met by leaving the folder out of the total, and nothing is celebrated', () => {
    const run = runs.minScore;
    expect([run.timedOut, run.code]).toEqual([false, 1]);
    const report = reportOf('minScore');
    expect([report.score, report.maxScore]).toEqual([EXERCISE_MAX, 2 * EXERCISE_MAX]);
    expect(run.stdout).toContain('Total: 10/20 pts (50%)');
    expect(run.stdout).not.toContain(t('report.allPassed', 'en'));
    expect(run.stdout).not.toContain('The selected exercises pass');
    expectNoSurvivors(run);
  });
});

describe('graded as a submission, a refused file is named with its reason and the starter graded', () => {
  const refused = (id: string) =>
    reportOf('submission').refusedFiles?.find((f) => f.path === `exercises/${id}/src/${id.slice(3)}.ts`)
      ?.reason;
  const shown = (id: string) => {
    const reason = refused(id);
    expect(runs.submission.stdout).toContain(
      `refused file: exercises/${id}/src/${id.slice(3)}.ts — ${reason}`,
    );
    return reason;
  };

  it('a folder in place of the file', () => {
    expect(shown('01-folder')).toBe(t('report.refused.notFile', 'en'));
    expect(exerciseOf(reportOf('submission'), '01-folder').status).toBe('todo');
  });

  it('a file whose name differs only in case', () => {
    expect(shown('02-softmax')).toContain('Softmax.ts differs from softmax.ts only in case');
    expect(exerciseOf(reportOf('submission'), '02-softmax').status).toBe('todo');
  });

  it('files over 1 MiB, 50 MB and 2 MB', () => {
    expect(shown('03-huge')).toMatch(/^the file is too large: 524\d{5} bytes \(at most 1048576\)$/);
    expect(shown('04-large')).toMatch(/^the file is too large: 209\d{4} bytes \(at most 1048576\)$/);
  });
});
