/**
 * `pnpm export-student <DIR>`: the repository a class receives. It is this workspace without the
 * answers and the instructor's tools (see `export-filter.ts`), with a student README, a grading
 * workflow and VS Code settings, and a `pnpm-lock.yaml` regenerated for the smaller workspace so that
 * `pnpm install --frozen-lockfile` (what CI runs) accepts it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { STARTERS_DIR } from '../cli/reset.js';
import { discover, type LoadedExercise } from '../core/discover.js';
import { maxScoreOfChecks } from '../core/score.js';
import { checksToRun, loadSuites } from '../core/suite.js';
import { walk } from '../fs/walk.js';
import { isHiddenCheckPath, isInstructorOnly } from './export-filter.js';
import { InstructorError } from './messages.js';
import {
  type ClassroomExercise,
  classroomWorkflow,
  ladder,
  POINTS_SCRIPT,
  pointsScript,
} from './templates/classroom-ci.js';
import { gradeWorkflow } from './templates/student-ci.js';
import { studentReadme } from './templates/student-readme.js';
import { vscodeExtensions, vscodeSettings, vscodeTasks } from './templates/vscode.js';

/** Root scripts that only make sense with the instructor's tools or the benchmarks. */
const INSTRUCTOR_SCRIPTS = ['verify', 'bench', 'new-exercise', 'export-student', 'export-gradescope'];

/** Files written by the export instead of copied. */
const REWRITTEN = new Set(['README.md', 'package.json', 'pnpm-workspace.yaml', '.gitignore']);

/** Options of {@link exportStudentRepo}. */
export interface ExportOptions {
  /** The course repository. */
  root: string;
  /** Where the student repository goes: missing or empty, outside `root`. */
  outDir: string;
  /**
   * Keep the hidden checks (`--with-hidden`): a copy to grade submissions in (no solutions, but the
   * hidden checks record grading needs). Never one to give students.
   */
  withHidden?: boolean;
  /** Regenerate `pnpm-lock.yaml` with pnpm (default true; tests of the file list may skip it). */
  lockfile?: boolean;
  /**
   * `--classroom`: write `.github/workflows/classroom.yml` (GitHub Classroom's autograding, points
   * per exercise) and its script instead of `grade.yml` (two workflows would grade every push twice).
   */
  classroom?: boolean;
}

/** What {@link exportStudentRepo} did. */
export interface ExportResult {
  outDir: string;
  /** Exercise ids exported. */
  exercises: string[];
  /** Every file written, relative to `outDir`, `/` separators, sorted. */
  files: string[];
  /** `regenerated`, `skipped`, or why pnpm could not regenerate it (then the copy is kept). */
  lockfile: 'regenerated' | 'skipped' | { error: string };
  /** With `classroom`: the grading steps written and the points they add up to. */
  classroom?: { steps: number; points: number };
}

/**
 * Each exercise's public points (what a student repository grades: it has no hidden checks), from
 * its checks. An exercise whose checks do not load is worth nothing here, as in `pnpm grade --list`.
 */
async function publicPoints(
  root: string,
  exercises: readonly LoadedExercise[],
): Promise<ClassroomExercise[]> {
  const suites = await loadSuites(exercises, root);
  return exercises.map((e) => {
    const suite = suites.get(e.id);
    return { id: e.id, points: suite && 'checks' in suite ? maxScoreOfChecks(checksToRun(suite, false)) : 0 };
  });
}

/**
 * Copies the course tree into `outDir`, without instructor-only paths, the rewritten files and
 * `hidden` (the hidden check modules the manifests name, repository-relative).
 */
async function copyTree(
  root: string,
  outDir: string,
  written: string[],
  hidden: ReadonlySet<string>,
  keepHidden: boolean,
): Promise<void> {
  await walk(
    root,
    async ({ relative, kind }) => {
      // Links are not followed or copied: the course tree has none, and one could point anywhere.
      if (kind !== 'file') return;
      await mkdir(path.dirname(path.join(outDir, relative)), { recursive: true });
      await copyFile(path.join(root, relative), path.join(outDir, relative));
      written.push(relative);
    },
    {
      exclude: (relative) =>
        hidden.has(relative)
          ? !keepHidden
          : (isInstructorOnly(relative) && !(keepHidden && isHiddenCheckPath(relative))) ||
            REWRITTEN.has(relative),
    },
  );
}

/** The root package.json without the instructor's scripts. */
function studentPackageJson(root: string): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  pkg.name = `${pkg.name ?? 'gradschool'}-student`;
  for (const script of INSTRUCTOR_SCRIPTS) delete pkg.scripts?.[script];
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The workspace list without the packages that were not exported (e.g. `bench`). */
function studentWorkspace(root: string, outDir: string): string {
  const text = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  return text
    .split(/\r?\n/)
    .filter((line) => {
      const entry = /^\s*-\s*['"]?([^'"*\s]+)['"]?\s*$/.exec(line)?.[1];
      return entry === undefined || existsSync(path.join(outDir, entry));
    })
    .join('\n');
}

/** Exercise packages lose their judge tests: `vitest run` must not fail for want of test files. */
function relaxExerciseTests(outDir: string, exerciseIds: readonly string[]): void {
  for (const id of exerciseIds) {
    const file = path.join(outDir, 'exercises', id, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    if (pkg.scripts?.test === 'vitest run') pkg.scripts.test = 'vitest run --passWithNoTests';
    writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  }
}

/**
 * Keeps each exercise's starter files a second time, in `.starters/<id>/<file>`: what
 * `pnpm grade --reset` restores once the student's commits have changed `src/` (git's HEAD is then
 * their work, not the starter).
 */
async function storeStarters(
  outDir: string,
  exercises: readonly { id: string; dir: string; manifest: { files: string[] } }[],
  written: string[],
): Promise<void> {
  for (const ex of exercises) {
    for (const file of ex.manifest.files) {
      const relative = `${STARTERS_DIR}/${ex.id}/${file}`;
      await mkdir(path.dirname(path.join(outDir, relative)), { recursive: true });
      await copyFile(path.join(ex.dir, file), path.join(outDir, relative));
      written.push(relative);
    }
  }
}

/**
 * Rewrites `pnpm-lock.yaml` for the exported workspace from the lockfile's own resolutions: importers
 * that were removed disappear, nothing else changes. Offline first (the local store is enough), then
 * allowing the registry for metadata the store lacks.
 */
function regenerateLockfile(outDir: string): ExportResult['lockfile'] {
  let reason = '';
  for (const mode of ['--offline', '--prefer-offline'] as const) {
    const run = spawnSync('pnpm', ['install', '--lockfile-only', mode], {
      cwd: outDir,
      encoding: 'utf8',
      shell: process.platform === 'win32',
      env: { ...process.env, CI: 'true' },
    });
    if (run.error) return { error: run.error.message };
    if (run.status === 0) return 'regenerated';
    reason = (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ');
  }
  return { error: reason };
}

/**
 * Writes the student repository. Throws an `InstructorError` when `outDir` is not empty or lies
 * inside the course repository.
 *
 * @example
 * ```ts
 * const { files, lockfile } = await exportStudentRepo({ root: process.cwd(), outDir: '../class-2026' });
 * ```
 */
export async function exportStudentRepo(options: ExportOptions): Promise<ExportResult> {
  const root = path.resolve(options.root);
  const outDir = path.resolve(options.outDir);
  const relativeOut = path.relative(root, outDir);
  if (!relativeOut || (!relativeOut.startsWith('..') && !path.isAbsolute(relativeOut)))
    throw new InstructorError('outInsideRepo', { dir: outDir });
  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new InstructorError('outNotEmpty', { dir: outDir });
  const { exercises } = await discover(root);

  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  // A manifest may name its hidden module anything: each one named stays out, beside the filter's list.
  const hidden = new Set(
    exercises.flatMap((e) =>
      e.hiddenChecksPath ? [path.relative(root, e.hiddenChecksPath).split(path.sep).join('/')] : [],
    ),
  );
  await copyTree(root, outDir, written, hidden, options.withHidden === true);
  await storeStarters(outDir, exercises, written);
  relaxExerciseTests(
    outDir,
    exercises.map((e) => e.id),
  );
  const classroom = options.classroom ? await publicPoints(root, exercises) : undefined;
  const generated: Record<string, string> = {
    'README.md': studentReadme(exercises),
    'package.json': studentPackageJson(root),
    'pnpm-workspace.yaml': studentWorkspace(root, outDir),
    '.gitignore': `${existsSync(path.join(root, '.gitignore')) ? readFileSync(path.join(root, '.gitignore'), 'utf8').trimEnd() : ''}\n# grade reports\nreport.json\njunit.xml\nresults.json\n`,
    ...(classroom
      ? {
          '.github/workflows/classroom.yml': classroomWorkflow(classroom),
          [POINTS_SCRIPT]: pointsScript(),
        }
      : { '.github/workflows/grade.yml': gradeWorkflow() }),
    '.vscode/extensions.json': vscodeExtensions(),
    '.vscode/tasks.json': vscodeTasks(),
    '.vscode/settings.json': vscodeSettings(),
  };
  for (const [relative, content] of Object.entries(generated)) {
    mkdirSync(path.dirname(path.join(outDir, relative)), { recursive: true });
    writeFileSync(path.join(outDir, relative), content);
    written.push(relative);
  }
  const lockfile = options.lockfile === false ? 'skipped' : regenerateLockfile(outDir);
  return {
    outDir,
    exercises: exercises.map((e) => e.id),
    files: [...new Set(written)].sort(),
    lockfile,
    ...(classroom
      ? {
          classroom: {
            steps: classroom.reduce((sum, e) => sum + ladder(e).length, 0),
            points: classroom.reduce((sum, e) => sum + ladder(e).reduce((s, r) => s + r.share, 0), 0),
          },
        }
      : {}),
  };
}
