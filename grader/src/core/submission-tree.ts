/**
 * The temporary pristine tree a submission is graded in (`<repo>/.grade/tmp/submission-<pid>-<id>/`):
 * `exercises/` copied from the repository, every other top-level folder and each `node_modules`
 * linked back to the real one (a junction on Windows, which needs no admin rights), top-level files
 * copied. An exercise's `solution/`, `mutants/` and `test/` are left out: grading never needs them, and
 * a submission must not be able to import the reference solution from its own copy. The copy's
 * trusted files (`exercise.json`, `checks.ts`, `checks/**`) are made read-only (best effort: the same
 * user can undo it; the grader imports the judges before any student code runs anyway). Node resolves links to real paths, so `@gradschool/*` imports land on the very files the
 * repository uses.
 *
 * Removal unlinks every link before deleting, so cleaning up can never reach into `node_modules` or
 * `packages/`. Copies left behind by a run that was killed (Ctrl-C during a batch) are removed by the
 * next run.
 */
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  readdir,
  readFile,
  realpath,
  rm,
  rmdir,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';

/** Name prefix of a copy's folder; the owning process id follows it. */
export const COPY_PREFIX = 'submission-';

/** Top-level entries of the repository that the copy neither links nor copies. */
const NOT_LINKED = new Set(['exercises', '.git', '.grade', '.turbo']);

/** Folders of an exercise that are not copied: grading never reads them, and they hold the answers. */
const NOT_COPIED = new Set(['solution', 'mutants', 'test']);

/** True for the files of an exercise that the grader trusts (relative to its folder, `/`-separated). */
export function isTrustedExerciseFile(relative: string): boolean {
  return relative === 'exercise.json' || relative === 'checks.ts' || relative.startsWith('checks/');
}

/** `/`-separated, for paths that read the same on Windows. */
export const toPosix = (p: string) => p.split(path.sep).join('/');

/** True when `target` is `base` or inside it. */
export function isInside(base: string, target: string): boolean {
  const relative = path.relative(base, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Links a folder: a junction on Windows (no admin rights needed), a symlink elsewhere. */
async function linkDir(target: string, link: string): Promise<void> {
  await symlink(target, link, process.platform === 'win32' ? 'junction' : 'dir');
}

/**
 * Copies a file into the tree. A `tsconfig*.json` whose relative `"extends"` would leave the copy (a
 * root config extending one further up) gets the original's absolute path instead, so TypeScript
 * tooling reads the same settings as in the repository.
 */
async function copyTreeFile(from: string, to: string, copyRoot: string): Promise<void> {
  if (!/^tsconfig.*\.json$/.test(path.basename(from))) return copyFile(from, to);
  const text = await readFile(from, 'utf8');
  const fixed = text.replace(/("extends"\s*:\s*")(\.[^"]*)"/, (whole, head: string, target: string) =>
    isInside(copyRoot, path.resolve(path.dirname(to), target))
      ? whole
      : `${head}${toPosix(path.resolve(path.dirname(from), target))}"`,
  );
  await writeFile(to, fixed);
}

/**
 * Copies an exercise folder, linking its `node_modules` (at any depth) instead of copying them and
 * leaving out {@link NOT_COPIED} at its top. `inside` is the path within the exercise (`/`-separated).
 */
async function copyExercise(from: string, to: string, copyRoot: string, inside = ''): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const destination = path.join(to, entry.name);
    const relative = inside ? `${inside}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules') await linkDir(await realpath(source), destination);
    else if (entry.isDirectory() && !(inside === '' && NOT_COPIED.has(entry.name)))
      await copyExercise(source, destination, copyRoot, relative);
    else if (entry.isFile()) {
      await copyTreeFile(source, destination, copyRoot);
      if (isTrustedExerciseFile(relative)) await chmod(destination, 0o444).catch(() => {});
    }
  }
}

/** Builds the pristine copy of `repoRoot` at `root` (which must not exist yet). */
export async function buildPristineCopy(repoRoot: string, root: string): Promise<void> {
  await mkdir(path.join(root, 'exercises'), { recursive: true });
  for (const entry of await readdir(repoRoot, { withFileTypes: true })) {
    if (NOT_LINKED.has(entry.name)) continue;
    const source = path.join(repoRoot, entry.name);
    const destination = path.join(root, entry.name);
    if (entry.isDirectory()) await linkDir(source, destination);
    else if (entry.isFile()) await copyTreeFile(source, destination, root);
  }
  const exercisesDir = path.join(repoRoot, 'exercises');
  for (const entry of await readdir(exercisesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await copyExercise(path.join(exercisesDir, entry.name), path.join(root, 'exercises', entry.name), root);
  }
}

/** Unlinks every link under `dir` (never following one), so a recursive delete only meets copies. */
async function unlinkLinks(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    // A Windows junction reports as a symbolic link to lstat.
    const stat = await lstat(full).catch(() => null);
    if (stat?.isSymbolicLink()) await unlink(full).catch(() => rmdir(full).catch(() => {}));
    else if (stat?.isDirectory()) await unlinkLinks(full);
  }
}

/**
 * Removes a copy: its links first, then its files, then `.grade/tmp` and `.grade` if they are now
 * empty (`rmdir` leaves a folder that another run still uses).
 */
export async function removeCopy(root: string): Promise<void> {
  await unlinkLinks(root);
  await rm(root, { recursive: true, force: true });
  for (const folder of [path.dirname(root), path.dirname(path.dirname(root))]) {
    await rmdir(folder).catch(() => {});
  }
}

/** True when a process with this id is running (ours or another user's). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes copies under `copiesDir` whose process is gone (a run killed before it cleaned up). */
export async function removeStaleCopies(copiesDir: string): Promise<void> {
  const entries = await readdir(copiesDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const pid = Number(new RegExp(`^${COPY_PREFIX}(\\d+)-`).exec(entry.name)?.[1]);
    if (entry.isDirectory() && Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
      const stale = path.join(copiesDir, entry.name);
      await unlinkLinks(stale);
      await rm(stale, { recursive: true, force: true });
    }
  }
}
