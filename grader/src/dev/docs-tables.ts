/**
 * `pnpm docs:tables [--check]`: the top README's exercise tables (Korean and English), generated
 * from the manifests and the suites, so they cannot go stale: each exercise's id, title, lecture
 * slides and points (public, and hidden when it has some), and the course's total. The tables sit
 * between `<!-- exercises:ko -->`/`<!-- exercises:en -->` and `<!-- /exercises -->` markers; the
 * rest of the README is left as written. `--check` rewrites nothing and exits 1 when a table is
 * stale (a test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '@gradschool/exercise-kit';
import { discover, findRoot, type LoadedExercise } from '../core/discover.js';
import { maxScoreOfChecks } from '../core/score.js';
import { checksToRun, loadExerciseSuite } from '../core/suite.js';

/** One exercise's row: its points as a student's run counts them, and its hidden points. */
export interface ExercisePoints {
  id: string;
  title: Record<Lang, string>;
  slides: readonly string[];
  points: number;
  /** The hidden checks the manifest announces, and their points (0 when none). */
  hiddenChecks: number;
  hiddenPoints: number;
}

/** Every exercise's points, in course order (the suites are imported: this is trusted code). */
export async function coursePoints(root: string): Promise<ExercisePoints[]> {
  const { exercises, problems } = await discover(root);
  if (problems.length > 0) throw new Error(`broken manifest: ${problems[0]!.file} (${problems[0]!.field})`);
  const rows: ExercisePoints[] = [];
  for (const ex of exercises) rows.push(await pointsOf(ex, root));
  return rows;
}

async function pointsOf(ex: LoadedExercise, root: string): Promise<ExercisePoints> {
  const suite = await loadExerciseSuite(ex, root);
  if ('problem' in suite) throw new Error(suite.problem.message.en);
  return {
    id: ex.id,
    title: ex.manifest.title,
    slides: ex.manifest.lecture.slides,
    points: maxScoreOfChecks(checksToRun(suite, false)),
    hiddenChecks: ex.manifest.hidden?.count ?? 0,
    hiddenPoints: ex.manifest.hidden?.points ?? 0,
  };
}

const HEAD: Record<Lang, string[]> = {
  ko: ['실습', '제목', '강의 슬라이드', '점수'],
  en: ['exercise', 'title', 'lecture slides', 'points'],
};

/** `28`, or `23 + 2 비공개` when some of the exercise's points are hidden. */
function pointsCell(points: number, hidden: number, lang: Lang): string {
  if (hidden === 0) return String(points);
  return lang === 'ko' ? `${points} + 비공개 ${hidden}` : `${points} + ${hidden} hidden`;
}

/** A table cell: no line breaks, and a `|` escaped. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');

/** The exercise table in one language, ending with the course's total. */
export function exerciseTable(rows: readonly ExercisePoints[], lang: Lang): string {
  const lines = [`| ${HEAD[lang].join(' | ')} |`, `|${HEAD[lang].map(() => '---').join('|')}|`];
  for (const row of rows)
    lines.push(
      `| \`${row.id}\` | ${cell(row.title[lang])} | ${cell(row.slides.join(', '))} | ${pointsCell(row.points, row.hiddenPoints, lang)} |`,
    );
  const points = rows.reduce((sum, r) => sum + r.points, 0);
  const hidden = rows.reduce((sum, r) => sum + r.hiddenPoints, 0);
  lines.push(`| ${lang === 'ko' ? '합계' : 'total'} | | | ${pointsCell(points, hidden, lang)} |`);
  return lines.join('\n');
}

const marker = (lang: Lang) => new RegExp(`(<!-- exercises:${lang} -->)[\\s\\S]*?(<!-- /exercises -->)`);

/** `readme` with both tables replaced; throws when a marker pair is missing. */
export function withTables(readme: string, rows: readonly ExercisePoints[]): string {
  let text = readme;
  for (const lang of ['ko', 'en'] as const) {
    if (!marker(lang).test(text))
      throw new Error(`README.md lacks <!-- exercises:${lang} --> … <!-- /exercises -->`);
    text = text.replace(
      marker(lang),
      (_whole, open: string, close: string) => `${open}\n${exerciseTable(rows, lang)}\n${close}`,
    );
  }
  return text;
}

/** Regenerates the tables of `root/README.md`; with `check`, only says whether they are current. */
export async function docsTables(root: string, check: boolean): Promise<{ stale: boolean; file: string }> {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const next = withTables(readme, await coursePoints(root));
  if (!check && next !== readme) writeFileSync(file, next);
  return { stale: next !== readme, file };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const check = process.argv.includes('--check');
  const { stale, file } = await docsTables(findRoot(process.cwd()), check);
  if (check && stale) {
    process.stderr.write(`${file}: the exercise tables are stale; run pnpm docs:tables\n`);
    process.exitCode = 1;
  } else process.stdout.write(`${file}: ${stale ? 'tables rewritten' : 'tables current'}\n`);
}
