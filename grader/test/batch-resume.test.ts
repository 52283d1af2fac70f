/**
 * A batch that was killed resumes from its journal (`.gradebook-progress.json`), with the fake
 * engine of `batch-run.test.ts`. A "killed" run is made for real: one submission's grading is held
 * while the others finish, the journal is copied as it is at that moment (each write is atomic, so
 * that is what a process killed then would leave), and put back once the run is over.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BatchEngine, type BatchOptions, runBatch } from '../src/record/batch.js';
import { JOURNAL_FILE, type JournalData } from '../src/record/batch-journal.js';
import { journalMessage } from '../src/record/batch-resume.js';
import type { Gradebook } from '../src/report/gradebook.js';
import { fakeCheck, fakeExercise, fakeReport } from './report-fakes.js';

let base: string;
let repo: string;
let batch: string;
/** While set, grading a file that says `hang` waits for it. */
let hold: Promise<void> | undefined;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const IDS = ['01-x', '02-y'];
const engine: BatchEngine = {
  discover: async (root) => ({
    exercises: IDS.map((id) => ({
      id,
      dir: path.join(root, 'exercises', id),
      manifest: { files: ['src/main.ts'] },
    })),
  }),
  grade: async ({ studentRoot, seed, lang }) => {
    const exercises = [];
    for (const id of IDS) {
      const code = readFileSync(path.join(studentRoot, 'exercises', id, 'src/main.ts'), 'utf8');
      if (code.includes('hang')) await hold;
      if (code.includes('crash')) throw new Error(`grader exploded on ${id}`);
      // Writes into the course, as a student would if the sandbox let them.
      if (code.includes('tamper')) writeFileSync(path.join(repo, 'exercises', id, 'src/main.ts'), 'pwned');
      const solved = code.includes('solved');
      exercises.push(
        fakeExercise({
          id,
          status: solved ? 'pass' : 'todo',
          checks: [fakeCheck({ id: 'c', status: solved ? 'pass' : 'todo' })],
        }),
      );
    }
    return fakeReport(exercises, { seed, lang, source: 'submission' });
  },
};

beforeEach(() => {
  base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gradschool-resume-')));
  repo = path.join(base, 'repo');
  batch = path.join(base, 'class');
  for (const id of IDS) write(path.join(repo, 'exercises', id, 'src/main.ts'), 'starter');
  write(path.join(batch, 'ann/exercises/01-x/src/main.ts'), 'solved');
  write(path.join(batch, 'ann/exercises/02-y/src/main.ts'), 'solved');
  write(path.join(batch, 'ben/exercises/01-x/src/main.ts'), 'solved');
  write(path.join(batch, 'ben/notes.txt'), 'ignored');
  write(path.join(batch, 'cho/exercises/02-y/src/main.ts'), 'crash');
  write(path.join(batch, 'kim-minji/exercises/01-x/src/main.ts'), 'solved, after a long hang');
  write(path.join(batch, 'lee/exercises/02-y/src/main.ts'), 'solved');
  hold = undefined;
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const journalFile = () => path.join(batch, JOURNAL_FILE);
const readJournalData = () => JSON.parse(readFileSync(journalFile(), 'utf8')) as JournalData;

/** Runs a batch, and records what it printed: the journal's notice, and each row (resumed or graded). */
async function run(extra: Partial<BatchOptions> = {}) {
  const graded: string[] = [];
  const resumed: string[] = [];
  const result = await runBatch({
    repoRoot: repo,
    batchDir: batch,
    seed: 7,
    lang: 'en',
    concurrency: 2,
    engine,
    onSubmissionDone: (row, info) => (info.resumed ? resumed : graded).push(row.submission),
    ...extra,
  });
  return { ...result, graded: graded.sort(), resumed };
}

/**
 * A run killed while `kim-minji` was being graded, once ann and ben are done: leaves
 * the journal as it was then (and the reports, but no gradebook). Returns that journal.
 */
async function killedRun(extra: Partial<BatchOptions> = {}): Promise<string> {
  let release!: () => void;
  hold = new Promise((resolve) => (release = resolve));
  let snapshot = '';
  const running = run(extra);
  await vi.waitFor(
    () => {
      const data = readJournalData();
      expect(data.running).toContain('kim-minji');
      expect(data.done.map((e) => e.row.submission)).toEqual(expect.arrayContaining(['ann', 'ben']));
      snapshot = readFileSync(journalFile(), 'utf8');
    },
    { timeout: 10_000, interval: 10 },
  );
  release();
  await running;
  hold = undefined;
  writeFileSync(journalFile(), snapshot);
  for (const file of ['gradebook.csv', 'gradebook.json']) rmSync(path.join(batch, file));
  return snapshot;
}

/** A gradebook without what differs between runs of the same grades (when, how long). */
function comparable(book: Gradebook) {
  const { startedAt, durationMs, ...rest } = book;
  expect(typeof startedAt).toBe('string');
  expect(durationMs).toBeGreaterThanOrEqual(0);
  return rest;
}

/** The gradebook of an uninterrupted run of the submissions as they are now, in a copy of their own. */
async function uninterrupted(extra: Partial<BatchOptions> = {}) {
  const copy = path.join(base, `reference-${Math.random().toString(36).slice(2)}`);
  const outputs = new Set(['reports', 'gradebook.csv', 'gradebook.json', JOURNAL_FILE]);
  cpSync(batch, copy, { recursive: true, filter: (from) => !outputs.has(path.relative(batch, from)) });
  const { gradebook } = await run({ batchDir: copy, ...extra });
  return { gradebook, csv: readFileSync(path.join(copy, 'gradebook.csv'), 'utf8') };
}

describe('a batch that was killed', () => {
  it('resumes: grades only the rest, names the interrupted submission, and ends with the same gradebook', async () => {
    const snapshot = JSON.parse(await killedRun()) as JournalData;
    // cho crashes the grader: a row without a report, graded again whenever it had finished.
    const kept = snapshot.done
      .filter((e) => e.row.report !== undefined)
      .map((e) => e.row.submission)
      .sort();
    expect(kept).not.toContain('kim-minji');

    // A file written again with the same content (a new mtime, as a fresh copy has) changes nothing.
    const annFile = path.join(batch, 'ann/exercises/01-x/src/main.ts');
    writeFileSync(annFile, readFileSync(annFile));
    utimesSync(annFile, new Date(2001, 1, 1), new Date(2001, 1, 1));
    const resumed = await run();
    expect(resumed.journal).toEqual({
      kind: 'resumed',
      done: kept.length,
      total: 5,
      // Another one may have been running beside it (two at a time).
      interrupted: snapshot.running.sort(),
      regraded: [],
    });
    expect(snapshot.running).toContain('kim-minji');
    expect(resumed.resumed.sort()).toEqual(kept);
    expect(resumed.graded).toEqual(
      ['ann', 'ben', 'cho', 'kim-minji', 'lee'].filter((n) => !kept.includes(n)),
    );
    const reference = await uninterrupted();
    expect(comparable(resumed.gradebook)).toEqual(comparable(reference.gradebook));
    // The CSV has no time in it: byte for byte the same.
    expect(readFileSync(resumed.files.csv, 'utf8')).toBe(reference.csv);
    // A finished batch leaves no journal (nor a temporary file of one).
    expect(existsSync(journalFile())).toBe(false);
    const rows = Object.fromEntries(resumed.rows.map((r) => [r.submission, r]));
    expect(rows.ben).toMatchObject({ score: 2, ignoredFiles: 1, report: 'reports/ben.json' });
    expect(rows.cho).toMatchObject({ status: 'failed', maxScore: 4 });

    const message = journalMessage(resumed.journal!);
    expect(message.en).toBe(
      `Resuming: ${kept.length} of 5 submissions already graded. Being graded when the last run stopped, so graded again: ${snapshot.running.join(', ')}.`,
    );
    expect(message.ko).toContain(`제출물 5개 중 ${kept.length}개는`);
    expect(message.ko).toContain(`채점 중이던 제출물은 다시 채점합니다: ${snapshot.running.join(', ')}.`);
  });

  it('killed after the last submission but before the gradebook: grades nothing, writes the gradebook', async () => {
    let snapshot = '';
    await run({
      // The journal has each row before this is called: at the fifth, all of them.
      onSubmissionDone: () => {
        snapshot = readFileSync(journalFile(), 'utf8');
      },
    });
    writeFileSync(journalFile(), snapshot);
    const resumed = await run();
    expect(resumed.journal).toMatchObject({ kind: 'resumed', done: 4, total: 5, interrupted: [] });
    // cho crashed the grader (no report): the one row graded again.
    expect(resumed.graded).toEqual(['cho']);
    expect(comparable(resumed.gradebook)).toEqual(comparable((await uninterrupted()).gradebook));
    expect(existsSync(journalFile())).toBe(false);
  });

  it('keeps the seed out of the journal', async () => {
    const snapshot = await killedRun({ seed: 918273645, seedHidden: true });
    expect(snapshot).not.toContain('918273645');
    const resumed = await run({ seed: 918273645, seedHidden: true });
    expect(resumed.journal?.kind).toBe('resumed');
    expect(resumed.gradebook).toMatchObject({ seed: null, seedHidden: true });
    const other = await run({ seed: 918273645 });
    expect(other.journal).toBeUndefined();
  });

  it('does not mix runs: another seed, language, filter or course starts over and says why', async () => {
    const snapshot = await killedRun();
    const variants: [Partial<BatchOptions>, string[], () => void][] = [
      [{ seed: 8 }, ['seed'], () => {}],
      [{ seedHidden: true }, ['seed'], () => {}],
      [{ lang: 'ko' }, ['lang'], () => {}],
      [{ filters: ['01'] }, ['exercises'], () => {}],
      [{ before: new Date('2026-12-10T23:59+09:00') }, ['before'], () => {}],
      [{ roster: { entries: [], hash: 'another roster', file: 'roster.csv' } }, ['roster'], () => {}],
      [{}, ['course'], () => write(path.join(repo, 'exercises/02-y/checks.ts'), 'export default {};\n')],
    ];
    for (const [extra, differs, change] of variants) {
      change();
      writeFileSync(journalFile(), snapshot);
      const again = await run(extra);
      expect(again.journal).toEqual({ kind: 'otherRun', differs });
      expect(again.resumed).toEqual([]);
      expect(again.graded).toEqual(['ann', 'ben', 'cho', 'kim-minji', 'lee']);
      expect(existsSync(journalFile())).toBe(false);
    }
    // Filters that select the same exercises are the same run.
    rmSync(path.join(repo, 'exercises/02-y/checks.ts'));
    writeFileSync(journalFile(), snapshot);
    expect((await run({ filters: ['0'] })).journal?.kind).toBe('resumed');

    const message = journalMessage({ kind: 'otherRun', differs: ['seed', 'course'] });
    expect(message.en).toContain("(what differs: the seed, the exercises', checks' or grader's files)");
    expect(message.ko).toContain('다른 점: 시드, 실습·검사·채점기 파일');
  });

  it('resumes with the same --roster and --before, and refuses a different deadline or roster', async () => {
    const roster = {
      entries: [{ folder: 'ann', studentId: '2026001', name: '안나' }],
      hash: 'roster one',
      file: 'roster.csv',
    };
    const before = new Date('2026-12-10T23:59+09:00');
    const snapshot = await killedRun({ roster, before });
    expect(JSON.parse(snapshot).settings).toMatchObject({
      before: before.toISOString(),
      roster: 'roster one',
    });
    const resumed = await run({ roster, before });
    expect(resumed.journal?.kind).toBe('resumed');
    expect(resumed.gradebook.rows.find((r) => r.submission === 'ann')).toMatchObject({
      studentId: '2026001',
    });
    expect(resumed.gradebook.before).toBe(before.toISOString());
    const later = new Date('2026-12-11T23:59+09:00');
    for (const [extra, differs] of [
      [{ roster, before: later }, ['before']],
      [{ roster: { ...roster, hash: 'roster two' }, before }, ['roster']],
      [{}, ['before', 'roster']],
    ] as const) {
      writeFileSync(journalFile(), snapshot);
      const again = await run(extra);
      expect(again.journal).toEqual({ kind: 'otherRun', differs });
      expect(again.resumed).toEqual([]);
    }
    expect(journalMessage({ kind: 'otherRun', differs: ['before', 'roster'] }).en).toContain(
      'the deadline (--before), the roster (--roster)',
    );
  });

  it('grades again a submission whose files or report changed since it was graded', async () => {
    const snapshot = JSON.parse(await killedRun()) as JournalData;
    const kept = snapshot.done.map((e) => e.row.submission);
    expect(kept).toEqual(expect.arrayContaining(['ann', 'ben']));
    // Two graded submissions: ann's file changes, ben's report is gone.
    write(path.join(batch, 'ann/exercises/02-y/src/main.ts'), 'starter again');
    rmSync(path.join(batch, 'reports/ben.json'));
    const [first, second] = ['ann', 'ben'];
    const resumed = await run();
    expect(resumed.journal).toMatchObject({ kind: 'resumed', regraded: [first, second].sort() });
    expect(journalMessage(resumed.journal!).en).toContain(
      'Changed since graded (the submitted files or the report), so graded again: ann, ben.',
    );
    expect(journalMessage(resumed.journal!).ko).toContain('보고서가 바뀌어 다시 채점합니다: ann, ben.');
    expect(resumed.graded).toEqual(expect.arrayContaining([first, second, 'kim-minji']));
    expect(comparable(resumed.gradebook)).toEqual(comparable((await uninterrupted()).gradebook));
  });

  it('does not resume a batch that tamper detection stopped: it says so and starts over', async () => {
    write(path.join(batch, 'ben/exercises/02-y/src/main.ts'), 'tamper');
    const stopped = await run({ concurrency: 1 });
    expect(stopped.tampered?.submissions).toEqual(['ben']);
    expect(readJournalData().tampered).toEqual(stopped.tampered);
    // The repository is restored (same content as before) and the culprit removed.
    write(path.join(repo, 'exercises/02-y/src/main.ts'), 'starter');
    rmSync(path.join(batch, 'ben'), { recursive: true });
    const again = await run();
    expect(again.journal).toEqual({ kind: 'tampered', submissions: ['ben'] });
    expect(again.resumed).toEqual([]);
    expect(again.graded).toEqual(['ann', 'cho', 'kim-minji', 'lee']);
    expect(again.tampered).toBeUndefined();
    expect(existsSync(journalFile())).toBe(false);
    expect(journalMessage(again.journal!).en).toContain('while ben ran: it is not resumed');
    expect(journalMessage(again.journal!).ko).toContain('ben을 채점하는 동안');
  });

  it('ignores a garbled journal, saying why, and never crashes on one', async () => {
    const reference = await uninterrupted();
    const garbled = [
      '{"format": "gradschool-batch-progress", "version": 1, "done": [',
      'null',
      JSON.stringify({ format: 'gradschool-batch-progress', version: 1, done: 'everything' }),
    ];
    for (const text of garbled) {
      writeFileSync(journalFile(), text);
      const again = await run();
      expect(again.journal).toMatchObject({ kind: 'unreadable', file: journalFile() });
      expect(again.graded).toEqual(['ann', 'ben', 'cho', 'kim-minji', 'lee']);
      expect(comparable(again.gradebook)).toEqual(comparable(reference.gradebook));
      expect(existsSync(journalFile())).toBe(false);
      const message = journalMessage(again.journal!);
      expect(message.en).toMatch(/^The progress journal .* cannot be read, so it is ignored/);
      expect(message.ko).toContain('읽을 수 없어 무시하고');
    }
  });

  it('keeps its journal when it is aborted, so the next run resumes', async () => {
    const abort = new AbortController();
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const running = run({ concurrency: 1, signal: abort.signal });
    await vi.waitFor(() => expect(readJournalData().running).toEqual(['kim-minji']), { timeout: 10_000 });
    abort.abort();
    release();
    await running;
    hold = undefined;
    const data = readJournalData();
    expect(data.running).toEqual([]);
    expect(data.done.map((e) => e.row.submission)).toEqual(['ann', 'ben', 'cho']);
    const resumed = await run();
    // cho could not be graded (no report): it gets another try.
    expect(resumed.journal).toMatchObject({ kind: 'resumed', done: 2, interrupted: [] });
    expect(resumed.graded).toEqual(['cho', 'kim-minji', 'lee']);
  });
});

describe('--resume after a complete batch', () => {
  it('keeps the journal, then grades only the submission one of whose files changed', async () => {
    const first = await run({ resume: true });
    expect(first.graded).toEqual(['ann', 'ben', 'cho', 'kim-minji', 'lee']);
    expect(readJournalData().complete).toBe(true);
    // One file of one submission changes (a regrade request); another is copied again, same content.
    write(path.join(batch, 'ben/exercises/02-y/src/main.ts'), 'solved at last');
    write(path.join(batch, 'lee/exercises/02-y/src/main.ts'), 'solved');
    utimesSync(path.join(batch, 'lee/exercises/02-y/src/main.ts'), new Date(), new Date(Date.now() + 60_000));
    const second = await run({ resume: true });
    // cho could not be graded (no report): like ben, it is graded again; the others are kept.
    expect(second.graded).toEqual(['ben', 'cho']);
    expect(second.resumed).toEqual(['ann', 'kim-minji', 'lee']);
    expect(second.journal).toMatchObject({ kind: 'resumed', done: 3, total: 5, regraded: ['ben'] });
    expect(second.rows.find((r) => r.submission === 'ben')?.score).toBe(4);
    expect(readJournalData().complete).toBe(true);
    // The gradebook is the one a fresh run over the submissions as they are now writes.
    const fresh = await uninterrupted();
    expect(comparable(second.gradebook)).toEqual(comparable(fresh.gradebook));
  });

  it('without --resume, a complete journal is not built on: every submission is graded, and the journal goes', async () => {
    await run({ resume: true });
    const again = await run();
    expect(again.journal).toBeUndefined();
    expect(again.graded).toEqual(['ann', 'ben', 'cho', 'kim-minji', 'lee']);
    expect(existsSync(journalFile())).toBe(false);
  });
});
