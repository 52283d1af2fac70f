/**
 * `pnpm grade --reset 03`: puts an exercise's student files (its manifest's `files`) back as the
 * course ships them, like rustlings' `reset`, after asking (`--yes` skips the question; without a
 * terminal to ask on, it refuses). The student's files are first copied to
 * `.grade/backup/<id>/<time>/`, and the list forgets the exercise's last grading.
 *
 * Where the starter comes from, in this order:
 * 1. `.starters/<id>/<file>`: the copy `pnpm export-student` stores in every student repository (the
 *    student's commits change `src/`, never this copy);
 * 2. git's `HEAD`, when the file is tracked: in the course repository itself `src/` is the starter
 *    (the answers live in `solution/`). Used only where the export's copy is absent.
 * Neither: exit 2, and the student is told to ask for the starter.
 *
 * Exit codes (the CLI's contract): 0 restored (or already the starter), 1 the student said no,
 * 2 usage (no such exercise, several, no terminal without `--yes`) or no starter to restore.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Lang } from '@gradschool/exercise-kit';
import { type LoadedExercise, matchesFilters } from '../core/discover.js';
import { toPosix } from '../core/paths.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { t } from '../i18n/index.js';
import type { CliIo } from './io.js';
import { forgetLastResult } from './last-results.js';

/** The folder, under the course root, where the export keeps each exercise's starter files. */
export const STARTERS_DIR = '.starters';

/** One student file and the starter it goes back to. */
interface Restore {
  /** Relative to the course root, `/` separators (as shown). */
  shown: string;
  absolute: string;
  starter: Buffer;
}

type StarterSource = 'stored' | 'git';

/** The starter of `relative` (to the root) as git's HEAD has it, or null (no git, not tracked). */
function fromGit(root: string, relative: string): Buffer | null {
  const tracked = spawnSync('git', ['-C', root, 'ls-files', '--error-unmatch', '--', relative], {
    stdio: 'ignore',
  });
  if (tracked.status !== 0) return null;
  const shown = spawnSync('git', ['-C', root, 'show', `HEAD:${relative}`], { maxBuffer: 16 * 1024 * 1024 });
  return shown.status === 0 ? shown.stdout : null;
}

/** Each student file of `ex` with its starter, and where they came from; or the file without one. */
function findStarters(
  root: string,
  ex: LoadedExercise,
): { restores: Restore[]; source: StarterSource } | { missing: string } {
  const stored = path.join(root, STARTERS_DIR, ex.id);
  // The export's copy, when the repository has one, is the only source: a student's HEAD is their work.
  const source: StarterSource = existsSync(stored) ? 'stored' : 'git';
  const restores: Restore[] = [];
  for (const file of ex.manifest.files) {
    const absolute = path.join(ex.dir, file);
    const shown = toPosix(path.relative(root, absolute));
    const copy = path.join(stored, file);
    const starter =
      source === 'stored' ? (existsSync(copy) ? readFileSync(copy) : null) : fromGit(root, shown);
    if (!starter) return { missing: shown };
    restores.push({ shown, absolute, starter });
  }
  return { restores, source };
}

/** Whether the file at `absolute` is a regular file with exactly `content`. */
function sameAs(absolute: string, content: Buffer): boolean {
  try {
    return lstatSync(absolute).isFile() && readFileSync(absolute).equals(content);
  } catch {
    return false;
  }
}

/** A new backup folder for `id`: `.grade/backup/<id>/2026-12-03T07-40-12` (`-2`, ... if taken). */
function backupFolder(root: string, id: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/:/g, '-');
  const base = path.join(root, '.grade', 'backup', id, stamp);
  let folder = base;
  for (let n = 2; existsSync(folder); n++) folder = `${base}-${n}`;
  return folder;
}

/** Asks `question` on the terminal; true for y/yes (and ㅛ, the y key on a Korean keyboard). */
async function confirm(io: CliIo, question: string): Promise<boolean> {
  const input = io.stdin as NodeJS.ReadableStream;
  const reader = createInterface({ input, output: io.stdout, terminal: false });
  try {
    const answer = await new Promise<string>((resolve) => {
      reader.question(question, resolve);
      // End of input (Ctrl-D) is a no.
      reader.once('close', () => resolve(''));
    });
    return /^(y|yes|ㅛ)$/i.test(answer.trim());
  } finally {
    reader.close();
  }
}

/**
 * Restores the starter of the one exercise `filter` names (`03`, `3`, `03-softmax`).
 *
 * @example
 * ```ts
 * process.exitCode = await runResetMode({ filter: '03', yes: false, lang: 'ko' }, root, exercises, io);
 * ```
 */
export async function runResetMode(
  options: { filter: string; yes: boolean; lang: Lang },
  root: string,
  all: readonly LoadedExercise[],
  io: CliIo,
  now = new Date(),
): Promise<number> {
  const { filter, lang } = options;
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const complain = (text: string) => io.stderr.write(`${text}\n`);
  const matching = all.filter((ex) => matchesFilters(ex.id, [filter]));
  const ids = all.map((ex) => `  ${ex.id}`).join('\n');
  if (matching.length === 0) {
    complain(t('core.cli.noMatch', lang, { filters: filter, ids }));
    return 2;
  }
  if (matching.length > 1) {
    complain(t('core.reset.ambiguous', lang, { filter, ids: matching.map((ex) => `  ${ex.id}`).join('\n') }));
    return 2;
  }
  const ex = matching[0] as LoadedExercise;
  const found = findStarters(root, ex);
  if ('missing' in found) {
    complain(t('core.reset.noStarter', lang, { file: found.missing, stored: `${STARTERS_DIR}/${ex.id}/` }));
    return 2;
  }
  const { restores, source } = found;
  if (restores.every((r) => sameAs(r.absolute, r.starter))) {
    say(t('core.reset.already', lang, { id: ex.id }));
    return 0;
  }
  const backup = backupFolder(root, ex.id, now);
  const backupShown = `${toPosix(path.relative(root, backup))}/`;
  const sourceText =
    source === 'stored'
      ? t('core.reset.sourceStored', lang, { dir: `${STARTERS_DIR}/${ex.id}/` })
      : t('core.reset.sourceGit', lang);
  if (!options.yes) {
    // Asking needs someone to answer: a pipe or a script says nothing, so nothing is overwritten.
    if (!io.stdin?.isTTY) {
      complain(t('core.reset.noTerminal', lang, { filter }));
      return 2;
    }
    const files = restores.map((r) => `  ${r.shown}`).join('\n');
    say(t('core.reset.plan', lang, { id: ex.id, source: sourceText, files, backup: backupShown }));
    if (!(await confirm(io, t('core.reset.confirm', lang)))) {
      say(t('core.reset.declined', lang));
      return 1;
    }
  }
  for (const r of restores) {
    try {
      // The student's file (a folder or a link in its place too) is kept before anything is written.
      if (existsSync(r.absolute) || isLink(r.absolute)) {
        const kept = path.join(backup, path.relative(ex.dir, r.absolute));
        cpSync(r.absolute, kept, { recursive: true, verbatimSymlinks: true });
        if (!lstatSync(r.absolute).isFile()) rmSync(r.absolute, { recursive: true, force: true });
      }
      writeFileAtomic(r.absolute, r.starter.toString('utf8'));
    } catch (error) {
      complain(t('core.reset.failed', lang, { file: r.shown, reason: (error as Error).message }));
      return 2;
    }
  }
  forgetLastResult(root, ex.id);
  say(t('core.reset.done', lang, { id: ex.id, backup: backupShown }));
  return 0;
}

/** A symbolic link (`existsSync` follows links: a dangling one looks absent). */
function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
