/**
 * `pnpm export-gradescope FILE.zip`: a Gradescope autograder. The zip holds, at its root (where
 * Gradescope looks), `setup.sh` and `run_autograder` (`templates/gradescope.ts`), the secret seed
 * in `grade-seed`, and `course/`: the course as `pnpm export-student --with-hidden` writes it (no
 * solutions, no mutants, the hidden checks kept: Gradescope is record grading), with its lockfile.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Lang } from '@gradschool/exercise-kit';
import { parseSeed } from '../core/seed.js';
import { walk } from '../fs/walk.js';
import { type ExportResult, exportStudentRepo } from './export-student.js';
import { InstructorError } from './messages.js';
import { COURSE_DIR, runAutograderScript, SEED_FILE, setupScript } from './templates/gradescope.js';
import { type ZipEntry, zip } from './zip.js';

/** Options of {@link exportGradescope}. */
export interface GradescopeExportOptions {
  /** The course repository. */
  root: string;
  /** The zip to write (replaced if it exists). */
  outFile: string;
  /** The language of the results students see. */
  lang: Lang;
  /**
   * The seed's text (`GRADE_SEED` at export time); absent: a new random one, as large as the
   * README asks (2^47 to 2^48).
   */
  seed?: string;
}

/** What {@link exportGradescope} wrote. */
export interface GradescopeExportResult {
  outFile: string;
  exercises: string[];
  /** Files in the zip. */
  files: number;
  bytes: number;
  /** Where the seed came from: `GRADE_SEED`, or made for this autograder. */
  seedSource: 'env' | 'generated';
  lockfile: ExportResult['lockfile'];
}

/**
 * Writes the autograder zip. Throws an `InstructorError` when the seed given is not a seed or the
 * zip would land inside the exported tree.
 *
 * @example
 * ```ts
 * await exportGradescope({ root: process.cwd(), outFile: 'autograder.zip', lang: 'ko', seed: process.env.GRADE_SEED });
 * ```
 */
export async function exportGradescope(options: GradescopeExportOptions): Promise<GradescopeExportResult> {
  const seedText = options.seed?.trim();
  if (seedText !== undefined && seedText !== '' && parseSeed(seedText) === null)
    throw new InstructorError('gradescopeBadSeed');
  const seed = seedText ? seedText : String(randomInt(2 ** 47, 2 ** 48));
  const staging = mkdtempSync(path.join(tmpdir(), 'gradschool-gradescope-'));
  try {
    const course = path.join(staging, COURSE_DIR);
    const exported = await exportStudentRepo({ root: options.root, outDir: course, withHidden: true });
    const entries: ZipEntry[] = [
      { path: 'setup.sh', content: Buffer.from(setupScript()), mode: 0o755 },
      { path: 'run_autograder', content: Buffer.from(runAutograderScript(options.lang)), mode: 0o755 },
      // Readable by its owner only, once unzipped on an instructor's machine too.
      { path: SEED_FILE, content: Buffer.from(`${seed}\n`), mode: 0o600 },
    ];
    await walk(course, async ({ relative, kind }) => {
      if (kind !== 'file') return;
      const file = path.join(course, relative);
      entries.push({
        path: `${COURSE_DIR}/${relative}`,
        content: readFileSync(file),
        mode: statSync(file).mode & 0o777,
      });
    });
    const archive = zip(entries);
    // Whole or not at all: a half-written zip uploaded to Gradescope would fail in its image build.
    mkdirSync(path.dirname(options.outFile), { recursive: true });
    const partial = `${options.outFile}.${process.pid}.tmp`;
    writeFileSync(partial, archive);
    renameSync(partial, options.outFile);
    return {
      outFile: options.outFile,
      exercises: exported.exercises,
      files: entries.length,
      bytes: archive.length,
      seedSource: seedText ? 'env' : 'generated',
      lockfile: exported.lockfile,
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
