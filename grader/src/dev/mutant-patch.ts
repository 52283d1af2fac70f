/**
 * Mutants as patches: `exercises/<id>/mutants/<name>.patch` is a unified diff against the exercise's
 * reference solution that plants one plausible mistake, under a line saying which.
 *
 * The format is what `git diff` (or `git diff --no-index`) prints, with the description above it as
 * free text, the way `git apply` and `git format-patch` allow:
 *
 * ```text
 * accuracy returns a percentage (75) instead of a fraction (0.75).
 *
 * diff --git a/exercises/01-perceptron/solution/perceptron.ts b/exercises/01-perceptron/solution/perceptron.ts
 * --- a/exercises/01-perceptron/solution/perceptron.ts
 * +++ b/exercises/01-perceptron/solution/perceptron.ts
 * @@ -90,7 +90,7 @@
 * ...
 * ```
 *
 * The description is the first non-blank line before the diff starts (the first line beginning with
 * `diff `, `Index:`, `--- `, `+++ ` or `@@ `); in a `git format-patch` mail it is the `Subject:`
 * without its `[PATCH]` tag. The diff must change files of the solution folder (its `---` path ends
 * in `solution/<file>`, or is the bare file name). Hunks are applied with jsdiff and no fuzz: every
 * context and removed line must match the solution exactly, or the patch has drifted and verify says
 * so. As with `git apply`, a hunk whose lines match may sit at another line than its header says
 * (the solution grew above it): that is an offset, not a fuzz.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyPatch, parsePatch, type StructuredPatch, type StructuredPatchHunk } from 'diff';

/** A mutant as stored: the mistake it plants, and one diff per file it changes. */
export interface MutantPatch {
  /** The description line; '' when the patch has none (verify says so, and grades it still). */
  description: string;
  files: StructuredPatch[];
}

/** Why a mutant cannot be used; `kind` is its catalog key without `core.verify.`. */
export interface MutantProblem {
  kind: 'mutantMalformed' | 'mutantEmpty' | 'mutantWrongTarget' | 'mutantDrifted' | 'mutantNoop';
  params: Record<string, string>;
}

const DIFF_START = /^(diff |Index:|--- |\+\+\+ |@@ )/;

/** The description line of a patch's text ('' when there is none). */
export function mutantDescription(text: string): string {
  const lines = text.split(/\r?\n/);
  const end = lines.findIndex((line) => DIFF_START.test(line));
  const preamble = end < 0 ? lines : lines.slice(0, end);
  const subject = preamble.find((line) => /^Subject:\s/.test(line));
  if (subject) return subject.replace(/^Subject:\s*(\[[^\]]*\]\s*)?/, '').trim();
  return preamble.find((line) => line.trim() !== '')?.trim() ?? '';
}

/** Reads a patch's text: its description and its diffs, or why it is not a usable patch. */
export function parseMutantPatch(text: string): { mutant: MutantPatch } | { problem: MutantProblem } {
  const description = mutantDescription(text);
  let files: StructuredPatch[];
  try {
    files = parsePatch(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: { kind: 'mutantMalformed', params: { reason } } };
  }
  files = files.filter((file) => file.hunks.length > 0 || file.oldFileName !== undefined);
  if (!files.some((file) => file.hunks.length > 0)) return { problem: { kind: 'mutantEmpty', params: {} } };
  return { mutant: { description, files } };
}

/**
 * The solution file a diff's `---` path names (`a/exercises/03-softmax/solution/softmax.ts`,
 * `solution/softmax.ts`, `softmax.ts`), or undefined when it names another file.
 */
function targetOf(
  name: string | undefined,
  solutionFiles: readonly string[],
  exercise: string,
): string | undefined {
  if (!name || name === '/dev/null') return undefined;
  const parts = name
    .replaceAll('\\', '/')
    .replace(/^a\//, '')
    .split('/')
    .filter((part) => part !== '' && part !== '.');
  const file = parts.pop();
  if (!file || !solutionFiles.includes(file)) return undefined;
  if (parts.length === 0) return file;
  if (parts.at(-1) !== 'solution') return undefined;
  return parts.length === 1 || parts.at(-2) === exercise ? file : undefined;
}

/** `@@ -51,7 +51,7 @@ const u1 = 1 - rng();`: a hunk as a reader finds it in the patch and the file. */
function hunkText(hunk: StructuredPatchHunk): string {
  const head = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
  const first = hunk.lines.find((line) => line.startsWith('-')) ?? hunk.lines.find((l) => l.startsWith(' '));
  const shown = first?.slice(1).trim() ?? '';
  return shown ? `${head} ${shown.length > 72 ? `${shown.slice(0, 71)}…` : shown}` : head;
}

/**
 * Applies `mutant` to the solution's files in `solutionDir` (of the exercise folder `exercise`):
 * the changed files' new text by file name, or why it cannot be applied (a file that is not the
 * solution's, the first hunk that no longer matches, or no change at all).
 */
export function applyMutant(
  mutant: MutantPatch,
  solutionDir: string,
  exercise: string,
): { files: Map<string, string> } | { problem: MutantProblem } {
  const solutionFiles = existsSync(solutionDir) ? readdirSync(solutionDir) : [];
  const out = new Map<string, string>();
  for (const diff of mutant.files) {
    const file = targetOf(diff.oldFileName, solutionFiles, exercise);
    if (!file || (diff.newFileName !== undefined && diff.newFileName === '/dev/null'))
      return {
        problem: {
          kind: 'mutantWrongTarget',
          params: { target: diff.oldFileName ?? '-', solution: `solution/${solutionFiles.join(', ')}` },
        },
      };
    const original = out.get(file) ?? readFileSync(path.join(solutionDir, file), 'utf8');
    const patched = applyPatch(original, diff, { fuzzFactor: 0 });
    if (patched === false) {
      // Hunks apply in order, each after the last: the first prefix that fails ends in the culprit.
      const culprit =
        diff.hunks.find(
          (_, i) => applyPatch(original, { ...diff, hunks: diff.hunks.slice(0, i + 1) }) === false,
        ) ?? diff.hunks[0];
      const hunk = culprit ? hunkText(culprit) : '';
      return { problem: { kind: 'mutantDrifted', params: { file: `solution/${file}`, hunk } } };
    }
    out.set(file, patched);
  }
  const changed = [...out].filter(
    ([file, text]) => text !== readFileSync(path.join(solutionDir, file), 'utf8'),
  );
  if (changed.length === 0)
    return {
      problem: { kind: 'mutantNoop', params: { solution: `solution/${[...out.keys()].join(', ')}` } },
    };
  return { files: new Map(changed) };
}

/** A mutant written out: the folder (a copy of `solution/` with the patch applied) and its entry. */
export interface ScratchMutant {
  dir: string;
  entry: string;
  description: string;
  /** Removes the folder. */
  remove(): void;
}

/**
 * Writes the solution folder of the exercise in `exerciseDir`, with the patch `patchFile` applied,
 * to a new temporary folder outside the repository, so the entry (`solution/<entry>`'s name) can be
 * graded or imported beside the solution's other files. The caller removes it.
 *
 * @example
 * ```ts
 * const made = scratchMutant(ex.dir, 'softmax.ts', path.join(ex.dir, 'mutants/argmax-last-tie.patch'));
 * if ('entry' in made) try { await import(pathToFileURL(made.entry).href); } finally { made.remove(); }
 * ```
 */
export function scratchMutant(
  exerciseDir: string,
  entry: string,
  patchFile: string,
): ScratchMutant | { problem: MutantProblem } {
  const parsed = parseMutantPatch(readFileSync(patchFile, 'utf8'));
  if ('problem' in parsed) return parsed;
  const solutionDir = path.join(exerciseDir, 'solution');
  const applied = applyMutant(parsed.mutant, solutionDir, path.basename(exerciseDir));
  if ('problem' in applied) return applied;
  const dir = mkdtempSync(path.join(tmpdir(), `gradschool-mutant-${path.basename(patchFile, '.patch')}-`));
  cpSync(solutionDir, dir, { recursive: true });
  for (const [file, text] of applied.files) writeFileSync(path.join(dir, file), text);
  return {
    dir,
    entry: path.join(dir, path.basename(entry)),
    description: parsed.mutant.description,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The mutant patches of the exercise in `exerciseDir` (absolute, sorted). */
export function mutantPatches(exerciseDir: string): string[] {
  const dir = path.join(exerciseDir, 'mutants');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.patch'))
    .sort()
    .map((name) => path.join(dir, name));
}
