/**
 * `pnpm grade --list` and `pnpm grade --reset ID`, through the CLI's `main()` in-process on a small
 * course written under `grader/.grade/` (gitignored; the checks' imports resolve from the grader's
 * `node_modules`). Nothing here grades: the list reads `.grade/last/`, which the test writes as a
 * grading would (`saveLastResult`); reset copies files and asks git. Real files, real git.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLastResult, saveLastResult } from '../src/cli/last-results.js';
import { formatList } from '../src/cli/list.js';
import { main } from '../src/cli/main.js';
import { discover } from '../src/core/discover.js';
import type { ExerciseResult } from '../src/core/types.js';
import { textWidth } from '../src/report/text.js';
import { checks, manifest, write } from './course.js';

const GRADER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(path.join(GRADER, '.grade'), { recursive: true });
const scratch = mkdtempSync(path.join(GRADER, '.grade', 'list-reset-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const STARTER = 'export function double(x: number): number {\n  throw new Error("TODO");\n}\n';
const WORK = 'export function double(x: number): number {\n  return 2 * x;\n}\n';

let courses = 0;
/** A course of two exercises (`01-double` with a Korean title, `02-triple`); `starters`: the export's copies. */
function course(options: { starters?: boolean } = {}): string {
  const root = path.join(scratch, `course-${++courses}`);
  write(path.join(root, 'package.json'), '{ "name": "course", "private": true }\n');
  for (const [id, order, title] of [
    ['01-double', 1, { ko: '두 배 만들기', en: 'Doubling' }],
    ['02-triple', 2, { ko: '세 배', en: 'Tripling' }],
  ] as const) {
    const dir = path.join(root, 'exercises', id);
    write(path.join(dir, 'exercise.json'), manifest(id, order, ['src/double.ts'], { title }));
    write(path.join(dir, 'checks.ts'), checks(`${id}-check`, 'double(x)', '2 * x'));
    write(path.join(dir, 'src', 'double.ts'), STARTER);
    if (options.starters) write(path.join(root, '.starters', id, 'src', 'double.ts'), STARTER);
  }
  return root;
}

/** A terminal's keyboard: `isTTY`, and `answer` typed once something reads. */
function keyboard(answer: string): PassThrough & { isTTY: boolean } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  input.write(answer);
  return input;
}

/** Runs `main()` with captured output, in `root`, without CI (a student's machine). */
async function run(root: string, args: string[], stdin?: NodeJS.ReadableStream & { isTTY?: boolean }) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main([...args, '--root', root], {
    cwd: root,
    env: {},
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    ...(stdin ? { stdin } : {}),
  });
  return { code, stdout, stderr };
}

/** What a grading of `01-double` would keep: passed, 5 of 5 points, one check. */
async function gradedPass(root: string): Promise<void> {
  const { exercises } = await discover(root);
  const ex = exercises.find((e) => e.id === '01-double')!;
  const result: ExerciseResult = {
    id: ex.id,
    title: ex.manifest.title,
    status: 'pass',
    score: 5,
    maxScore: 5,
    checks: [
      {
        id: 'c',
        title: { ko: 'c', en: 'c' },
        status: 'pass',
        score: 5,
        maxScore: 5,
        message: { ko: '', en: '' },
        output: '',
        durationMs: 1,
      },
    ],
    durationMs: 1,
    files: ['exercises/01-double/src/double.ts'],
  };
  saveLastResult(root, ex, result);
}

const studentFile = (root: string, id = '01-double') => path.join(root, 'exercises', id, 'src', 'double.ts');

describe('pnpm grade --list', () => {
  it('lists every exercise with its title, points and "not graded yet" before any grading', async () => {
    const root = course();
    const { code, stdout } = await run(root, ['--list', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('2 exercises');
    expect(stdout).toMatch(/01-double {2}Doubling\s+–\/5 pts {2}not graded yet/);
    expect(stdout).toMatch(/02-triple {2}Tripling\s+–\/5 pts {2}not graded yet/);
    expect(stdout).toContain('Total 0/10 pts');
  });

  it("shows the last grading's status and points, and says when the files changed since", async () => {
    const root = course();
    await gradedPass(root);
    let { stdout } = await run(root, ['--list', '--lang', 'en']);
    expect(stdout).toMatch(/01-double {2}Doubling\s+5\/5 pts {2}passed · 1\/1 check passed\n/);
    expect(stdout).toContain('Total 5/10 pts');
    writeFileSync(studentFile(root), `${WORK}// more\n`);
    ({ stdout } = await run(root, ['--list', '--lang', 'ko']));
    expect(stdout).toMatch(
      /01-double {2}두 배 만들기\s+5\/5점 {2}통과 · 검사 1\/1개 통과 · 채점 뒤에 수정함/,
    );
    expect(stdout).toMatch(/02-triple {2}세 배\s+–\/5점 {2}아직 채점하지 않음/);
  });

  it('lists only the exercises the filters name', async () => {
    const root = course();
    const { stdout } = await run(root, ['--list', '2', '--lang', 'en']);
    expect(stdout).toContain('02-triple');
    expect(stdout).not.toContain('01-double');
  });

  it('aligns the columns by terminal width (Hangul takes two columns) and cuts titles to fit', () => {
    const rows = [
      { id: '01-a', title: '퍼셉트론: 가중합', points: '0/28점', status: '통과' },
      { id: '02-bb', title: 'AND gate', points: '–/9점', status: '실패' },
    ];
    const lines = formatList(rows, undefined);
    // Every row's points end at the same column.
    const ends = lines.map((line, i) =>
      textWidth(line.slice(0, line.indexOf(rows[i]!.points) + rows[i]!.points.length)),
    );
    expect(new Set(ends).size).toBe(1);
    for (const line of formatList(rows, 36)) expect(textWidth(line)).toBeLessThan(36);
    expect(formatList(rows, 36)[0]).toContain('…');
  });

  it('ignores a damaged last-result file', async () => {
    const root = course();
    await gradedPass(root);
    writeFileSync(path.join(root, '.grade', 'last', '01-double.json'), '{ "version": 1, "id": "01-double" ');
    expect(loadLastResult(root, '01-double')).toBeUndefined();
    const { stdout } = await run(root, ['--list', '--lang', 'en']);
    expect(stdout).toMatch(/01-double {2}Doubling\s+–\/5 pts {2}not graded yet/);
  });
});

describe('pnpm grade --reset', () => {
  /** The backups made for `id`, as `{ relative path: content }`. */
  function backups(root: string, id = '01-double'): string[] {
    const base = path.join(root, '.grade', 'backup', id);
    if (!existsSync(base)) return [];
    return readdirSync(base).map((stamp) => readFileSync(path.join(base, stamp, 'src', 'double.ts'), 'utf8'));
  }

  it('restores the starter the export stored after "y", keeping the student file in .grade/backup/', async () => {
    const root = course({ starters: true });
    writeFileSync(studentFile(root), WORK);
    await gradedPass(root);
    const { code, stdout } = await run(root, ['--reset', '1', '--lang', 'en'], keyboard('y\n'));
    expect(code).toBe(0);
    expect(readFileSync(studentFile(root), 'utf8')).toBe(STARTER);
    expect(backups(root)).toEqual([WORK]);
    expect(stdout).toContain(
      'This restores the starter of 01-double (from the copy the export stored, .starters/01-double/)',
    );
    expect(stdout).toMatch(/Go ahead\? \[y\/N\]/);
    expect(stdout).toMatch(
      /Your previous files are in \.grade\/backup\/01-double\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\//,
    );
    // The list no longer shows the grading of the student's version.
    expect(loadLastResult(root, '01-double')).toBeUndefined();
    // The other exercise is untouched.
    expect(backups(root, '02-triple')).toEqual([]);
  });

  it('changes nothing when the student answers no (exit 1), or just presses Enter', async () => {
    const root = course({ starters: true });
    writeFileSync(studentFile(root), WORK);
    for (const answer of ['n\n', '\n']) {
      const { code, stdout } = await run(root, ['--reset', '01', '--lang', 'ko'], keyboard(answer));
      expect(code).toBe(1);
      expect(stdout).toContain('계속할까요? [y/N]');
      expect(stdout).toContain('그만두었습니다. 아무것도 바꾸지 않았습니다.');
    }
    expect(readFileSync(studentFile(root), 'utf8')).toBe(WORK);
    expect(backups(root)).toEqual([]);
  });

  it('refuses without a terminal and without --yes (exit 2, both languages), and --yes needs no terminal', async () => {
    const root = course({ starters: true });
    writeFileSync(studentFile(root), WORK);
    const piped = Object.assign(new PassThrough(), { isTTY: false });
    const en = await run(root, ['--reset', '01', '--lang', 'en'], piped);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'the input is not a terminal. In a script, add --yes: pnpm grade --reset 01 --yes',
    );
    const ko = await run(root, ['--reset', '01', '--lang', 'ko']);
    expect(ko.code).toBe(2);
    expect(ko.stderr).toContain('입력이 터미널이 아닙니다');
    expect(readFileSync(studentFile(root), 'utf8')).toBe(WORK);
    const yes = await run(root, ['--reset', '01', '--yes', '--lang', 'en']);
    expect(yes.code).toBe(0);
    expect(readFileSync(studentFile(root), 'utf8')).toBe(STARTER);
    expect(backups(root)).toEqual([WORK]);
  });

  it('keeps every earlier backup: two resets, two folders', async () => {
    const root = course({ starters: true });
    writeFileSync(studentFile(root), WORK);
    await run(root, ['--reset', '01', '--yes']);
    writeFileSync(studentFile(root), `${WORK}// second try\n`);
    await run(root, ['--reset', '01', '--yes']);
    expect(backups(root).sort()).toEqual([WORK, `${WORK}// second try\n`].sort());
  });

  it('says so, and makes no backup, when the files are the starter already', async () => {
    const root = course({ starters: true });
    const { code, stdout } = await run(root, ['--reset', '02', '--yes', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('02-triple: the student files are already the starter. Nothing changed.');
    expect(existsSync(path.join(root, '.grade', 'backup'))).toBe(false);
  });

  it('restores a file the student deleted, or replaced by a folder (kept in the backup)', async () => {
    const root = course({ starters: true });
    rmSync(studentFile(root));
    expect((await run(root, ['--reset', '01', '--yes'])).code).toBe(0);
    expect(readFileSync(studentFile(root), 'utf8')).toBe(STARTER);
    rmSync(studentFile(root));
    write(path.join(studentFile(root), 'inside.ts'), WORK);
    expect((await run(root, ['--reset', '01', '--yes'])).code).toBe(0);
    expect(readFileSync(studentFile(root), 'utf8')).toBe(STARTER);
    const base = path.join(root, '.grade', 'backup', '01-double');
    const [stamp] = readdirSync(base);
    expect(readFileSync(path.join(base, stamp!, 'src', 'double.ts', 'inside.ts'), 'utf8')).toBe(WORK);
  });

  it("takes the starter from git's HEAD where the export's copy is absent (the course repository)", async () => {
    const root = course();
    const git = (...args: string[]) =>
      spawnSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        encoding: 'utf8',
      });
    expect(git('init', '-q').status).toBe(0);
    git('add', '-A');
    expect(git('commit', '-qm', 'course').status).toBe(0);
    writeFileSync(studentFile(root), WORK);
    const { code, stdout } = await run(root, ['--reset', '01', '--lang', 'en'], keyboard('y\n'));
    expect(code).toBe(0);
    expect(stdout).toContain("(from git's HEAD)");
    expect(readFileSync(studentFile(root), 'utf8')).toBe(STARTER);
    expect(git('status', '--porcelain', '--', 'exercises').stdout).toBe('');
  });

  it('refuses (exit 2) when no starter is known: no stored copy, not in git', async () => {
    const root = course();
    writeFileSync(studentFile(root), WORK);
    const { code, stderr } = await run(root, ['--reset', '01', '--yes', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot find the starter of exercises/01-double/src/double.ts');
    expect(readFileSync(studentFile(root), 'utf8')).toBe(WORK);
  });

  it('needs exactly one exercise: an unknown id lists them, a prefix of several names them (exit 2)', async () => {
    const root = course({ starters: true });
    const unknown = await run(root, ['--reset', '7', '--yes', '--lang', 'en']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No exercise matches "7"');
    expect(unknown.stderr).toContain('  01-double\n  02-triple');
    const several = await run(root, ['--reset', '0', '--yes', '--lang', 'en']);
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('"0" matches several exercises');
    // A usage error is worded before --lang is read: in the environment's language (here Korean).
    const mixed = await run(root, ['--reset', '01', '02', '--watch']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--reset은 다른 채점 옵션과 함께 쓸 수 없습니다: 02 --watch');
  });
});
