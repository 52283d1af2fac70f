/**
 * What stays out of the student repository: the answers (`solution/`, `mutants/` and any `.patch`
 * in an exercise), instructor-only
 * tests, tools and docs, and build or install leftovers. One list, so the guide can quote it and a
 * test can check it.
 */

import { SKIPPED_FOLDERS } from '../fs/walk.js';

/**
 * Paths (relative to the repository root, `/` separators, `*` = one path segment) that are not
 * exported, with why.
 */
export const INSTRUCTOR_ONLY: readonly { pattern: string; why: string }[] = [
  { pattern: 'exercises/*/solution', why: 'reference solutions' },
  { pattern: 'exercises/*/mutants', why: 'patches of the solution planting mistakes the checks must catch' },
  { pattern: 'exercises/*/test', why: "tests of the judges' helpers (instructor-only)" },
  {
    pattern: 'exercises/*/checks.hidden.ts',
    why: 'hidden checks, graded only in record grading (any other module a manifest names in hidden.checks too)',
  },
  { pattern: 'exercises/*/checks/hidden', why: "the hidden checks' helpers (their reference computations)" },
  { pattern: 'grader/test', why: "the grader's own tests and cheating fixtures" },
  { pattern: 'grader/src/dev', why: 'pnpm verify (needs the solutions)' },
  { pattern: 'grader/src/instructor', why: 'pnpm new-exercise, pnpm export-student' },
  { pattern: 'grader/README.md', why: "the grader's page for instructors (mentions pnpm verify, solutions)" },
  { pattern: 'bench', why: 'benchmarks against TensorFlow.js (large dependencies)' },
  { pattern: 'docs/instructors.md', why: 'the instructor guide' },
  { pattern: '.ci', why: "the course repository's own CI (students get .github/workflows/grade.yml)" },
  { pattern: '.github', why: 'replaced by the student workflow' },
  { pattern: '.vscode', why: 'replaced by the student settings' },
  { pattern: 'reports', why: 'gradebooks and reports of earlier runs' },
];

/**
 * A patch or diff anywhere in an exercise is instructor-only too, even outside `mutants/`: applied to
 * the solution it plants a mistake, and read backwards it shows the solution's lines.
 */
const PATCH_FILE = /^exercises\/.*\.(patch|diff)$/;

/** The hidden checks' paths among {@link INSTRUCTOR_ONLY}: a grading copy (`--with-hidden`) keeps them. */
const HIDDEN_PATTERNS = ['exercises/*/checks.hidden.ts', 'exercises/*/checks/hidden'];

/** True when `relative` is a hidden check module or lies in a `checks/hidden/` folder. */
export function isHiddenCheckPath(relative: string): boolean {
  const parts = relative.split('/');
  return HIDDEN_PATTERNS.some((pattern) => {
    const depth = pattern.split('/').length;
    return parts.length >= depth && matches(pattern, parts.slice(0, depth).join('/'));
  });
}

function matches(pattern: string, relative: string): boolean {
  const want = pattern.split('/');
  const got = relative.split('/');
  return want.length === got.length && want.every((part, i) => part === '*' || part === got[i]);
}

/**
 * True when `relative` (a file or folder under the repository root, `/` separators) is not part of
 * the student repository.
 *
 * @example
 * ```ts
 * isInstructorOnly('exercises/03-softmax/solution'); // true
 * isInstructorOnly('exercises/03-softmax/src/softmax.ts'); // false
 * ```
 */
export function isInstructorOnly(relative: string): boolean {
  // The walk's own list (installs, caches, build output, git), by name anywhere in the path: a file
  // named `dist` stays out too.
  if (relative.split('/').some((part) => SKIPPED_FOLDERS.has(part))) return true;
  return PATCH_FILE.test(relative) || INSTRUCTOR_ONLY.some(({ pattern }) => matches(pattern, relative));
}
