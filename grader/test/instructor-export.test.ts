/**
 * `pnpm export-student`: the student repository leaves out the answers and the instructor's tools,
 * carries its README, workflow and VS Code files, and (when pnpm is installed) installs offline with
 * its regenerated frozen lockfile and grades every starter as `todo`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { discover } from '../src/core/discover.js';
import { walk } from '../src/fs/walk.js';
import { isInstructorOnly } from '../src/instructor/export-filter.js';
import { exportStudentRepo } from '../src/instructor/export-student.js';
import { exportStudentMain } from '../src/instructor/export-student-cli.js';
import { InstructorError } from '../src/instructor/messages.js';
import { REPO_ROOT } from './helpers.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'gradschool-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pnpmVersion = spawnSync('pnpm', ['--version'], {
  encoding: 'utf8',
  shell: process.platform === 'win32',
});
const hasPnpm = pnpmVersion.status === 0;

const outDir = path.join(scratch, 'class');
const result = await exportStudentRepo({ root: REPO_ROOT, outDir, lockfile: hasPnpm });
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');

describe('the exported files', () => {
  it('export every exercise without its solution, mutants or judge tests', async () => {
    const course = await discover(REPO_ROOT);
    expect(result.exercises).toEqual(course.exercises.map((e) => e.id));
    for (const ex of course.exercises) {
      expect(result.files).toContain(`exercises/${ex.id}/${ex.manifest.files[0]}`);
      expect(result.files).toContain(`exercises/${ex.id}/checks.ts`);
      expect(result.files).toContain(`exercises/${ex.id}/exercise.json`);
    }
    const leaked = result.files.filter(
      (f) =>
        /\/(solution|mutants)\//.test(f) || /^exercises\/[^/]+\/test\//.test(f) || /\.(patch|diff)$/.test(f),
    );
    expect(leaked).toEqual([]);
  });

  it('keep a copy of each starter in .starters/, which pnpm grade --reset restores after the student changed src/', async () => {
    const course = await discover(REPO_ROOT);
    for (const ex of course.exercises) {
      for (const file of ex.manifest.files) {
        expect(result.files).toContain(`.starters/${ex.id}/${file}`);
        expect(read(`.starters/${ex.id}/${file}`)).toBe(readFileSync(path.join(ex.dir, file), 'utf8'));
      }
    }
    const first = course.exercises[0]!;
    const file = `exercises/${first.id}/${first.manifest.files[0]}`;
    writeFileSync(path.join(outDir, file), '// my work\n');
    let said = '';
    const code = await main(['--reset', first.id, '--yes', '--root', outDir, '--lang', 'en'], {
      cwd: outDir,
      env: {},
      stdout: new Writable({
        write: (chunk, _enc, done) => {
          said += String(chunk);
          done();
        },
      }),
      stderr: new Writable({ write: (_chunk, _enc, done) => done() }),
    });
    expect([code, said]).toEqual([0, expect.stringContaining(`Restored the starter of ${first.id}`)]);
    expect(read(file)).toBe(readFileSync(path.join(first.dir, first.manifest.files[0]!), 'utf8'));
    expect(read('README.md')).toContain('pnpm grade --reset');
    expect(read('README.md')).toContain('pnpm grade --list');
    rmSync(path.join(outDir, '.grade'), { recursive: true, force: true });
  });

  it('hold no hidden check: no module, no helper, and no file names one or its reference', async () => {
    const course = await discover(REPO_ROOT);
    const withHidden = course.exercises.filter((e) => e.manifest.hidden);
    expect(withHidden.map((e) => e.id)).toContain('04-mlp-xor');
    for (const ex of withHidden) {
      expect(existsSync(path.join(ex.dir, ex.manifest.hidden!.checks))).toBe(true);
      expect(result.files).not.toContain(`exercises/${ex.id}/${ex.manifest.hidden!.checks}`);
      // The student's manifest still announces them: their count and points, nothing else.
      expect(JSON.parse(read(`exercises/${ex.id}/exercise.json`)).hidden).toEqual(ex.manifest.hidden);
    }
    expect(result.files.filter((f) => /^exercises\/[^/]+\/checks\/hidden\//.test(f))).toEqual([]);
    // A walk of every file written (not the list the export reports): the hidden check's id, its
    // judge and the reference computation appear nowhere.
    const secrets = ['gradient-norms-reference', 'judgeGradientNorms', 'gradNormsOf'];
    const found: string[] = [];
    await walk(outDir, async ({ relative, kind }) => {
      if (kind !== 'file') return;
      const text = readFileSync(path.join(outDir, relative), 'utf8');
      for (const secret of secrets) if (text.includes(secret)) found.push(`${relative}: ${secret}`);
    });
    expect(found).toEqual([]);
  });

  it('keep the hidden checks, and nothing else of the answers, in a grading copy (--with-hidden)', async () => {
    const grading = await exportStudentRepo({
      root: REPO_ROOT,
      outDir: path.join(scratch, 'grading'),
      lockfile: false,
      withHidden: true,
    });
    expect(grading.files).toContain('exercises/04-mlp-xor/checks.hidden.ts');
    expect(grading.files).toContain('exercises/04-mlp-xor/checks/hidden/gradient-norms.ts');
    expect(grading.files.filter((f) => /^exercises\/[^/]+\/(solution|mutants|test)\//.test(f))).toEqual([]);
    // Record grading there finds the hidden checks it needs.
    const [mlp] = (await discover(grading.outDir)).exercises.filter((e) => e.id === '04-mlp-xor');
    expect(existsSync(mlp!.hiddenChecksPath!)).toBe(true);
  });

  it('leave out the instructor tools, the benchmarks and installs, and keep the engine, kit and grader', () => {
    for (const prefix of ['grader/test/', 'grader/src/dev/', 'grader/src/instructor/', 'bench/', '.ci/'])
      expect(result.files.filter((f) => f.startsWith(prefix))).toEqual([]);
    expect(result.files.some((f) => f.includes('node_modules/'))).toBe(false);
    expect(result.files).not.toContain('grader/README.md');
    for (const file of [
      'grader/src/cli/main.ts',
      'grader/bin/grade.js',
      'grader/bin/bundle.mjs',
      'packages/autograd/src/index.ts',
      'packages/exercise-kit/src/index.ts',
    ])
      expect(result.files).toContain(file);
    expect(JSON.parse(read('package.json')).scripts).not.toHaveProperty('verify');
    expect(JSON.parse(read('package.json')).scripts.grade).toContain('grader/bin/grade.js');
    expect(read('pnpm-workspace.yaml')).not.toMatch(/^\s*-\s*bench\s*$/m);
  });

  it('name instructor-only paths in one filter', () => {
    expect(isInstructorOnly('exercises/03-softmax/solution')).toBe(true);
    expect(isInstructorOnly('exercises/03-softmax/src/softmax.ts')).toBe(false);
    expect(isInstructorOnly('packages/autograd/node_modules')).toBe(true);
    // Mutant patches, in mutants/ or anywhere else in an exercise (each one shows solution lines).
    expect(isInstructorOnly('exercises/03-softmax/mutants')).toBe(true);
    expect(isInstructorOnly('exercises/03-softmax/mutants/argmax-last-tie.patch')).toBe(true);
    expect(isInstructorOnly('exercises/03-softmax/argmax-last-tie.patch')).toBe(true);
    expect(isInstructorOnly('exercises/03-softmax/src/notes.diff')).toBe(true);
    expect(isInstructorOnly('exercises/03-softmax/README.md')).toBe(false);
    expect(isInstructorOnly('exercises/04-mlp-xor/checks.hidden.ts')).toBe(true);
    expect(isInstructorOnly('exercises/04-mlp-xor/checks/hidden')).toBe(true);
    expect(isInstructorOnly('exercises/04-mlp-xor/checks/engine-verdicts.ts')).toBe(false);
  });

  it('have a student README in Korean, then English: start, grade, submit', () => {
    const readme = read('README.md');
    const order = [
      '## 시작하기',
      '## 채점하기',
      '## 제출하기',
      '## Getting started',
      '## Grading',
      '## Submitting',
    ];
    const at = order.map((heading) => readme.indexOf(heading));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const id of result.exercises) expect(readme).toContain(`exercises/${id}/README.md`);
  });

  it('have a workflow that grades on push with the secret seed and uploads the reports', () => {
    const workflow = read('.github/workflows/grade.yml');
    expect(workflow).toMatch(/^on:\n\s+push:/m);
    expect(workflow).toContain('node-version: 20');
    expect(workflow).toContain('pnpm@12.4.2');
    expect(workflow).toContain('pnpm install --frozen-lockfile');
    expect(workflow).toContain(
      'pnpm grade --ci --json report.json --junit junit.xml --gradescope results.json',
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JS template.
    expect(workflow).toContain('GRADE_SEED: ${{ secrets.GRADE_SEED }}');
    expect(workflow).toContain('actions/upload-artifact@v4');
    expect(workflow).toMatch(/if: always\(\)/);
  });

  it('have VS Code recommendations, a grade task and TypeScript settings', () => {
    const extensions = JSON.parse(read('.vscode/extensions.json'));
    expect(extensions.recommendations).toEqual(
      expect.arrayContaining(['biomejs.biome', 'MS-CEINTL.vscode-language-pack-ko']),
    );
    const tasks = JSON.parse(read('.vscode/tasks.json'));
    expect(tasks.tasks.find((t: { label: string }) => t.label === 'grade')?.command).toBe(
      'pnpm grade --watch',
    );
    const settings = JSON.parse(read('.vscode/settings.json'));
    expect(settings['typescript.tsdk']).toBe('node_modules/typescript/lib');
    expect(existsSync(path.join(REPO_ROOT, settings['typescript.tsdk']))).toBe(true);
  });

  it('refuse a folder that is not empty or lies inside the course', async () => {
    const busy = path.join(scratch, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'keep.txt'), 'mine');
    const refusal = (dir: string) =>
      exportStudentRepo({ root: REPO_ROOT, outDir: dir, lockfile: false }).then(
        () => 'written',
        (error) => (error instanceof InstructorError ? error.key : String(error)),
      );
    expect(await refusal(busy)).toBe('outNotEmpty');
    expect(await refusal(path.join(REPO_ROOT, 'student-copy'))).toBe('outInsideRepo');
    expect(readFileSync(path.join(busy, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(REPO_ROOT, 'student-copy'))).toBe(false);
  });
});

describe('pnpm export-student (the command)', () => {
  it('writes the repository and says what to do next, or prints the usage and exits 2', async () => {
    let text = '';
    const io = { cwd: scratch, env: { LANG: 'en_US.UTF-8' }, out: (t: string) => (text += t) };
    expect(await exportStudentMain([], io)).toBe(2);
    expect(text).toContain('Usage: pnpm export-student <DIR>');
    text = '';
    expect(await exportStudentMain(['via-cli', '--root', REPO_ROOT], io)).toBe(0);
    expect(text).toContain(`Wrote the student repository to ${path.join(scratch, 'via-cli')}`);
    expect(text).toContain('GRADE_SEED');
    expect(existsSync(path.join(scratch, 'via-cli', '.github/workflows/grade.yml'))).toBe(true);
  }, 60_000);
});

describe.skipIf(!hasPnpm)(
  hasPnpm
    ? 'the exported repository, installed'
    : 'the exported repository, installed (skipped: pnpm not found on PATH)',
  () => {
    const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };
    delete env.GRADE_SEED;
    delete env.GITHUB_STEP_SUMMARY;
    const pnpm = (args: string[]) =>
      spawnSync('pnpm', args, { cwd: outDir, env, encoding: 'utf8', shell: process.platform === 'win32' });

    it('regenerated a lockfile without the left-out packages', () => {
      expect(result.lockfile).toBe('regenerated');
      expect(read('pnpm-lock.yaml')).not.toMatch(/^ {2}bench:$/m);
    });

    it('installs offline from the local store with the frozen lockfile', () => {
      const install = pnpm(['install', '--frozen-lockfile', '--offline']);
      expect(install.stderr + install.stdout).not.toMatch(/ERR_PNPM/);
      expect(install.status).toBe(0);
    }, 120_000);

    it('grades on its own: every starter check is todo, exit 1, a report', () => {
      const run = pnpm(['grade', '--ci', '--json', 'report.json']);
      expect(run.status).toBe(1);
      const report = JSON.parse(read('report.json'));
      expect(report.exercises.map((e: { id: string }) => e.id)).toEqual(result.exercises);
      expect(report.score).toBe(0);
      const statuses = new Set(
        report.exercises.flatMap((e: { checks: { status: string }[] }) => e.checks.map((c) => c.status)),
      );
      expect([...statuses]).toEqual(['todo']);
      // The hidden checks are announced (count and points, outside the maximum), never run.
      const mlp = report.exercises.find((e: { id: string }) => e.id === '04-mlp-xor');
      expect(mlp.hidden).toEqual({ checks: 1, points: 2, graded: false });
      expect(mlp.checks.some((c: { hidden?: boolean }) => c.hidden)).toBe(false);
      expect(run.stdout).toMatch(/🔒 (비공개 검사 1개 \(2점\)|1 hidden check\(s\) \(2 pts\))/);
    }, 120_000);
  },
);
