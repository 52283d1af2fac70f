/**
 * A term's record grading as an instructor runs it: the real CLI (`main`) on a small course built
 * under `grader/.grade/`, a class folder as it arrives (an unzipped download one folder too deep, an
 * empty folder, a folder of notes, a name macOS wrote in decomposed Hangul, a clone that edited its
 * checks), real git repositories with commits at chosen dates, a roster, a deadline, the secret seed
 * and feedback files.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { checkSeed } from '../src/core/seed.js';
import type { Gradebook, GradebookRow } from '../src/report/gradebook.js';
import { validateJsonReport } from '../src/report/schema.js';
import { textWidth } from '../src/report/text.js';
import { manifest, write } from './course.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 730_194_562_881;
const DEADLINE = '2026-12-10T23:59+09:00';
const NFD_NAME = '김민수'.normalize('NFD');

let base: string;
let repo: string;
let klass: string;

/** A fixed-input check (its message may be shown) and a seeded one (its inputs must not be). */
const SEVEN_CHECKS = `import { defineChecks, fail, pass } from '@gradschool/exercise-kit';
export default defineChecks([{ id: 'seven', title: { ko: '일곱', en: 'seven' }, points: 5,
  probe: (s) => s.seven(),
  judge: (got) => got === 7 ? pass({ ko: '맞음', en: 'right' })
    : fail({ ko: 'seven()이 ' + got + '을 돌려줌', en: 'seven() returned ' + got + ', expected 7' }) }]);
`;
const TRIPLE_CHECKS = `import { defineChecks, fail, pass } from '@gradschool/exercise-kit';
export default defineChecks([{ id: 'triple', title: { ko: '세 배', en: 'triple' }, points: 5,
  input: (ctx) => 100000 + (ctx.seed % 900000),
  probe: (s, x) => s.triple(x),
  judge: (got, x) => got === 3 * x + 1 ? pass({ ko: '맞음', en: 'right' })
    : { ...fail({ ko: 'triple(' + x + ') 틀림', en: 'triple(' + x + ') should be ' + (3 * x + 1) }), expected: String(3 * x + 1), got: String(got) } }]);
`;
const SEVEN = 'export function seven(): number { return 7; }\n';
const EIGHT = 'export function seven(): number { return 8; }\n';
const TRIPLE = 'export function triple(x: number): number { return 3 * x + 1; }\n';

/** Runs git in `dir` with the given commit date for author and committer. */
function git(dir: string, args: string[], date?: string): string {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: base,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Student',
    GIT_AUTHOR_EMAIL: 'student@example.com',
    GIT_COMMITTER_NAME: 'Student',
    GIT_COMMITTER_EMAIL: 'student@example.com',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  const result = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Commits everything in `dir` at `date`, returning the commit id. */
function commitAll(dir: string, message: string, date: string): string {
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', message], date);
  return git(dir, ['rev-parse', 'HEAD']);
}

const commits = { first: '', late: '' };

beforeAll(() => {
  base = path.join(GRADER, '.grade', `term-${randomBytes(4).toString('hex')}`);
  repo = path.join(base, 'repo');
  klass = path.join(base, 'class');
  write(path.join(repo, 'package.json'), '{ "private": true, "type": "module" }\n');
  write(
    path.join(repo, 'exercises/01-first/exercise.json'),
    manifest('01-first', 1, ['src/a.ts'], { timeLimitMs: 6000 }),
  );
  write(path.join(repo, 'exercises/01-first/checks.ts'), SEVEN_CHECKS);
  write(path.join(repo, 'exercises/01-first/src/a.ts'), 'export function seven(): number { return 0; }\n');
  write(
    path.join(repo, 'exercises/02-second/exercise.json'),
    manifest('02-second', 2, ['src/b.ts'], {
      timeLimitMs: 6000,
      hints: [{ ko: '<b>3·x + 1</b> & 확인', en: 'Use <b>3·x + 1</b> & check' }],
    }),
  );
  write(path.join(repo, 'exercises/02-second/checks.ts'), TRIPLE_CHECKS);
  write(
    path.join(repo, 'exercises/02-second/src/b.ts'),
    'export function triple(x: number): number { return 0; }\n',
  );

  // An unzipped download: the repository one folder down, beside the clutter macOS leaves.
  write(path.join(klass, 'kim/ai-x-lab3-kimminsu/exercises/01-first/src/a.ts'), SEVEN);
  write(path.join(klass, 'kim/ai-x-lab3-kimminsu/exercises/02-second/src/b.ts'), TRIPLE);
  mkdirSync(path.join(klass, 'kim/__MACOSX'), { recursive: true });
  mkdirSync(path.join(klass, 'empty'), { recursive: true });
  write(path.join(klass, 'notes-only/readme.txt'), 'I will submit tomorrow');
  // A folder named on macOS (NFD), with an edited checks.ts and an untouched manifest.
  write(path.join(klass, NFD_NAME, 'exercises/01-first/src/a.ts'), SEVEN);
  write(path.join(klass, NFD_NAME, 'exercises/02-second/checks.ts'), 'export default [];\n');
  write(
    path.join(klass, NFD_NAME, 'exercises/01-first/exercise.json'),
    readFileSync(path.join(repo, 'exercises/01-first/exercise.json')),
  );
  // A GitHub Classroom clone: a wrong answer before the deadline, fixed after it.
  const lee = path.join(klass, 'ai-x-lab3-leejiwoo');
  write(path.join(lee, 'exercises/01-first/src/a.ts'), EIGHT);
  write(path.join(lee, 'exercises/02-second/src/b.ts'), TRIPLE);
  git(lee, ['init', '-q']);
  commits.first = commitAll(lee, 'lab 3', '2026-12-09T10:00:00+09:00');
  write(path.join(lee, 'exercises/01-first/src/a.ts'), SEVEN);
  commits.late = commitAll(lee, 'fix after the deadline', '2026-12-11T09:00:00+09:00');
  // A repository whose only commit is late.
  const late = path.join(klass, 'late');
  write(path.join(late, 'exercises/01-first/src/a.ts'), SEVEN);
  git(late, ['init', '-q']);
  commitAll(late, 'too late', '2026-12-12T09:00:00+09:00');

  write(
    path.join(base, 'roster.csv'),
    `\uFEFFfolder,student_id,name\r\nkim,2026001,김철수\r\n김민수,2026002,김민수\r\nleejiwoo,2026003,"이, 지우"\r\npark,2026004,박서준\r\n`,
  );
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The CLI as `pnpm grade` runs it, with what it printed. */
async function grade(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(['--root', repo, '--lang', 'en', ...argv], {
    cwd: base,
    env: { PATH: process.env.PATH, CI: 'true', ...env },
    stdout: sink((s) => (stdout += s)) as unknown as NodeJS.WriteStream,
    stderr: sink((s) => (stderr += s)) as unknown as NodeJS.WriteStream,
  });
  return { code, stdout, stderr };
}

describe('a batch with a roster, a deadline, the secret seed and feedback', () => {
  let run: Awaited<ReturnType<typeof grade>>;
  let book: Gradebook;
  const row = (name: string) => book.rows.find((r) => r.submission === name) as GradebookRow;
  const feedbackDir = () => path.join(base, 'feedback');

  beforeAll(async () => {
    run = await grade(
      ['--batch', klass, '--roster', 'roster.csv', '--before', DEADLINE, '--feedback', 'feedback'],
      { GRADE_SEED: String(SECRET) },
    );
    book = JSON.parse(readFileSync(path.join(klass, 'gradebook.json'), 'utf8'));
  }, 240_000);

  it('grades a nested download from its inner folder, and says so', () => {
    expect(run.code).toBe(0);
    expect(row('kim')).toMatchObject({
      status: 'graded',
      score: 10,
      maxScore: 10,
      nestedIn: 'ai-x-lab3-kimminsu',
    });
    expect(row('kim').note).toContain('one folder deeper, in ai-x-lab3-kimminsu');
    const report = JSON.parse(readFileSync(path.join(klass, 'reports/kim.json'), 'utf8'));
    expect(validateJsonReport(report)).toEqual([]);
    expect(report.submission).toMatchObject({ status: 'graded', nestedIn: 'ai-x-lab3-kimminsu' });
  });

  it('records an empty folder and a folder without exercise files as empty, never a silent 0', () => {
    expect(row('empty')).toMatchObject({ status: 'empty', score: 0, maxScore: 10 });
    expect(row('empty').note).toContain('The submission folder is empty');
    expect(row('notes-only')).toMatchObject({ status: 'empty', ignoredFiles: 1 });
    expect(row('notes-only').note).toContain('none of the exercise files');
    expect(run.stdout).toMatch(/^empty: 0\/10 \(empty\) The submission folder is empty/m);
    const report = JSON.parse(readFileSync(path.join(klass, 'reports/notes-only.json'), 'utf8'));
    expect(validateJsonReport(report)).toEqual([]);
    expect(report.submission.status).toBe('empty');
    expect(report.exercises).toEqual([]);
  });

  it('names the course files a submission changed, apart from the ones merely ignored', () => {
    const minsu = row('김민수');
    expect(minsu).toBeDefined();
    expect(minsu).toMatchObject({ studentId: '2026002', name: '김민수', score: 5, ignoredFiles: 2 });
    expect(minsu.changedTrustedFiles).toEqual(['exercises/02-second/checks.ts']);
    expect(run.stdout).toContain('changed course files exercises/02-second/checks.ts');
  });

  it('grades the last commit before the deadline, records it, and leaves the checkout alone', () => {
    const lee = path.join(klass, 'ai-x-lab3-leejiwoo');
    expect(row('ai-x-lab3-leejiwoo')).toMatchObject({
      studentId: '2026003',
      name: '이, 지우',
      score: 5,
      exercises: { '01-first': 0, '02-second': 5 },
      commit: commits.first,
      committedAt: '2026-12-09T10:00:00+09:00',
    });
    expect(git(lee, ['rev-parse', 'HEAD'])).toBe(commits.late);
    expect(git(lee, ['status', '--porcelain'])).toBe('');
    expect(existsSync(path.join(lee, '.git', 'worktrees'))).toBe(false);
    expect(readFileSync(path.join(lee, 'exercises/01-first/src/a.ts'), 'utf8')).toBe(SEVEN);
    expect(row('late')).toMatchObject({ status: 'empty', score: 0 });
    expect(row('late').note).toContain('No commit was made before the deadline (2026-12-10T14:59:00.000Z)');
    expect(book.before).toBe('2026-12-10T14:59:00.000Z');
  });

  it('joins the roster (NFC, GitHub Classroom suffixes), and lists who is missing and who is unknown', () => {
    expect(row('kim')).toMatchObject({ studentId: '2026001', name: '김철수' });
    // The folder was written decomposed; the gradebook holds the composed name the roster has.
    expect(book.rows.map((r) => r.submission)).toContain('김민수'.normalize('NFC'));
    expect(JSON.stringify(book)).not.toContain(NFD_NAME);
    expect(book.roster?.missing).toEqual([{ folder: 'park', studentId: '2026004', name: '박서준' }]);
    expect(book.roster?.unknownFolders.sort()).toEqual(['empty', 'late', 'notes-only']);
    expect(run.stdout).toContain('On the roster, but no submission folder: 2026004 박서준 (park)');
    expect(run.stdout).toContain('A submission folder on no roster line: notes-only');
    expect(book).toMatchObject({ seed: null, seedHidden: true });
  });

  it('writes a CSV with maxima and exact percentages, and an LMS file with the id first', () => {
    const csv = readFileSync(path.join(klass, 'gradebook.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'submission,student_id,name,01-first,02-second,total,max,percent,status,commit,committed_at,note,error',
    );
    expect(csv[1]).toBe('(max),,,5,5,10,10,100');
    expect(csv).toContain(
      `ai-x-lab3-leejiwoo,2026003,"이, 지우",0,5,5,10,50,graded,${commits.first},2026-12-09T10:00:00+09:00,,`,
    );
    expect(csv).toContain(',2026004,박서준,,,,10,,missing');
    const lms = readFileSync(path.join(klass, 'gradebook-lms.csv'), 'utf8').trimEnd().split('\r\n');
    expect(lms[0]).toBe('student_id,name,01-first,02-second,total');
    expect(lms).toContain('2026001,김철수,5,5,10');
    expect(lms).toContain('2026002,김민수,5,0,5');
    expect(lms).toContain('2026004,박서준,,,');
    expect(run.stdout).toContain(path.join(klass, 'gradebook-lms.csv'));
  });

  it('aligns the terminal table by display width, Korean names included', () => {
    const lines = run.stdout.split('\n');
    const at = (name: string) => {
      const line = lines.find((l) => l.startsWith(`${name} `)) ?? '';
      // Where the total's cell (`5/10`, `10/10`) begins, in terminal columns.
      const cut = line.search(/ \d+\/10\b/) + 1;
      return textWidth(line.slice(0, cut));
    };
    expect(at('김민수')).toBeGreaterThan(0);
    expect(at('김민수')).toBe(at('kim'));
    expect(at('ai-x-lab3-leejiwoo')).toBe(at('kim'));
  });

  it('writes feedback per student without the secret seed or the inputs drawn from it', () => {
    const x = 100000 + (checkSeed(SECRET, 'triple') % 900000);
    for (const name of ['kim', '김민수', 'ai-x-lab3-leejiwoo', 'empty', 'notes-only', 'late']) {
      for (const ext of ['md', 'html']) {
        const text = readFileSync(path.join(feedbackDir(), `${name}.${ext}`), 'utf8');
        expect(text).not.toContain(String(SECRET));
        expect(text).not.toContain(String(x));
        expect(text).not.toContain(String(3 * x + 1));
      }
    }
    const minsu = readFileSync(path.join(feedbackDir(), '김민수.md'), 'utf8');
    expect(minsu).toContain('# Grading feedback: 김민수 (2026002)');
    expect(minsu).toContain('Total 5/10 points (50%)');
    expect(minsu).toContain("This check's inputs come from the secret seed");
    const lee = readFileSync(path.join(feedbackDir(), 'ai-x-lab3-leejiwoo.md'), 'utf8');
    // A check with fixed inputs keeps its message: the student can act on it.
    expect(lee).toContain('seven() returned 8, expected 7');
    expect(lee).toContain(`Commit graded: ${commits.first.slice(0, 12)}`);
    const html = readFileSync(path.join(feedbackDir(), '김민수.html'), 'utf8');
    expect(html).toContain('Use &lt;b&gt;3·x + 1&lt;/b&gt; &amp; check');
    expect(html).not.toContain('<b>3·x');
    expect(readFileSync(path.join(feedbackDir(), 'empty.md'), 'utf8')).toContain(
      'The submission folder is empty',
    );
    expect(row('kim').feedback).toBe('../feedback/kim');
  });
});

describe('one submission (--submission)', () => {
  it('says an empty folder is empty (exit 1), in the plain output and the JSON report', async () => {
    const { code, stderr } = await grade([
      '--submission',
      path.join(klass, 'empty'),
      '--json',
      'empty.json',
      '--gradescope',
      'empty-gs.json',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('The submission folder is empty');
    const gradescope = JSON.parse(readFileSync(path.join(base, 'empty-gs.json'), 'utf8'));
    expect(gradescope).toMatchObject({ score: 0 });
    expect(gradescope.output).toContain('The submission folder is empty');
    const report = JSON.parse(readFileSync(path.join(base, 'empty.json'), 'utf8'));
    expect(validateJsonReport(report)).toEqual([]);
    expect(report).toMatchObject({ score: 0, maxScore: 10, submission: { status: 'empty' } });
  });

  it('grades a nested download and a commit before the deadline, and warns of an empty GRADE_SEED', async () => {
    const nested = await grade(['--submission', path.join(klass, 'kim'), '--json', 'kim.json']);
    expect(nested.code).toBe(0);
    expect(nested.stdout).toContain('one folder deeper, in ai-x-lab3-kimminsu');
    const lee = await grade(
      ['--submission', path.join(klass, 'ai-x-lab3-leejiwoo'), '--before', DEADLINE, '--json', 'lee.json'],
      { GRADE_SEED: '' },
    );
    expect(lee.stderr).toContain('GRADE_SEED is set but empty');
    expect(lee.stdout).toContain(`Commit graded: ${commits.first.slice(0, 12)}`);
    const report = JSON.parse(readFileSync(path.join(base, 'lee.json'), 'utf8'));
    expect(report).toMatchObject({ score: 5, submission: { commit: { sha: commits.first } } });
  });
});

describe('a hostile repository', () => {
  it('runs none of its filters, fsmonitor or hooks while its commit is read', async () => {
    const evil = path.join(klass, '..', 'evil-class', 'mallory');
    const marker = path.join(base, 'pwned');
    write(path.join(evil, 'exercises/01-first/src/a.ts'), SEVEN);
    write(path.join(evil, '.gitattributes'), '* filter=evil\n');
    git(evil, ['init', '-q']);
    commitAll(evil, 'lab 3', '2026-12-09T10:00:00+09:00');
    // Set after the commit, as a submission's own .git/config would arrive.
    const run = `sh -c 'echo ran >> ${marker}'`;
    git(evil, ['config', 'filter.evil.smudge', run]);
    git(evil, ['config', 'filter.evil.clean', run]);
    git(evil, ['config', 'filter.evil.process', run]);
    git(evil, ['config', 'core.fsmonitor', run]);
    git(evil, ['config', 'core.hooksPath', path.join(base, 'hooks')]);
    write(path.join(base, 'hooks/post-checkout'), `#!/bin/sh\necho ran >> ${marker}\n`);
    const result = await grade(['--submission', evil, '--before', DEADLINE, '--json', 'mallory.json']);
    expect(result.code).toBe(1); // 02-second is missing: its starter scores 0
    expect(JSON.parse(readFileSync(path.join(base, 'mallory.json'), 'utf8')).score).toBe(5);
    expect(existsSync(marker)).toBe(false);
  });
});
