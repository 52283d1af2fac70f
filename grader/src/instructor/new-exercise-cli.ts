/**
 * `pnpm new-exercise <NN-name> [flags]`: asks for the titles on a terminal (or takes them from flags,
 * or leaves placeholders with `--yes`), writes the exercise and prints what to do next.
 * Exit 0 when created, 1 when cancelled, 2 when refused (bad name, taken number, existing folder).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { type CommandValues, runCommand } from './command.js';
import { InstructorError, say } from './messages.js';
import { exerciseNames, existingExercises } from './naming.js';
import { scaffoldExercise } from './new-exercise.js';
import { defaultTexts, type ExerciseTexts } from './templates/exercise-files.js';

/** Where the command reads and writes; tests pass their own. */
export interface NewExerciseIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
}

const FLAGS = {
  'title-ko': { type: 'string' },
  'title-en': { type: 'string' },
  'summary-ko': { type: 'string' },
  'summary-en': { type: 'string' },
  'section-ko': { type: 'string' },
  'section-en': { type: 'string' },
  slides: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
} as const;

type Values = CommandValues<typeof FLAGS>;

/** The texts the flags give; the rest stay undefined (then prompted for, or placeholders). */
function textsFromFlags(values: Values): Partial<ExerciseTexts> {
  const pair = (
    ko: string | undefined,
    en: string | undefined,
    fallback: Localized,
  ): Localized | undefined =>
    ko === undefined && en === undefined ? undefined : { ko: ko ?? fallback.ko, en: en ?? fallback.en };
  const empty = { ko: '', en: '' };
  const out: Partial<ExerciseTexts> = {};
  const title = pair(values['title-ko'], values['title-en'], empty);
  const summary = pair(values['summary-ko'], values['summary-en'], empty);
  const section = pair(values['section-ko'], values['section-en'], empty);
  if (title) out.title = title;
  if (summary) out.summary = summary;
  if (section) out.section = section;
  if (values.slides !== undefined) out.slides = splitSlides(values.slides);
  return out;
}

function splitSlides(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Asks for every text the flags did not give; an empty answer keeps the shown default. */
async function prompt(
  io: NewExerciseIo,
  lang: Lang,
  id: string,
  given: Partial<ExerciseTexts>,
  defaults: ExerciseTexts,
): Promise<ExerciseTexts | null> {
  const rl = createInterface({ input: io.stdin, output: io.stdout });
  try {
    io.stdout.write(`${say('promptIntro', lang, { id })}\n`);
    const ask = async (label: string, fallback: string) =>
      (await rl.question(`${label} [${fallback}]: `)).trim() || fallback;
    const askPair = async (what: Localized, fallback: Localized, current?: Partial<Localized>) => ({
      ko: current?.ko || (await ask(`${what.ko} (한국어)`, fallback.ko)),
      en: current?.en || (await ask(`${what.en} (English)`, fallback.en)),
    });
    const title = await askPair({ ko: '제목', en: 'Title' }, defaults.title, given.title);
    const summary = await askPair({ ko: '요약', en: 'Summary' }, defaults.summary, given.summary);
    const section = await askPair(
      { ko: '강의 섹션', en: 'Lecture section' },
      defaults.section,
      given.section,
    );
    const slides =
      given.slides ??
      splitSlides(await rl.question('슬라이드 제목, 쉼표로 구분 / Slide titles, comma-separated: '));
    const answer = (await rl.question(say('promptConfirm', lang))).trim().toLowerCase();
    if (answer !== '' && !answer.startsWith('y') && answer !== '예' && answer !== 'ㅛ') return null;
    return { title, summary, section, slides };
  } finally {
    rl.close();
  }
}

/** Runs the command with `argv` (without `node` and the script); returns the exit code. */
export function newExerciseMain(argv: readonly string[], io: NewExerciseIo): Promise<number> {
  const command = { cwd: io.cwd, env: io.env, out: (text: string) => io.stdout.write(text) };
  return runCommand(
    argv,
    command,
    { flags: FLAGS, usage: 'usageNew' },
    async ({ lang, root, values, positionals }) => {
      if (!existsSync(path.join(root, 'exercises'))) throw new InstructorError('noRoot', { dir: root });
      const name = positionals[0]!;
      // Check the name before asking anything, so a refusal comes first.
      const names = exerciseNames(name, existingExercises(path.join(root, 'exercises')));
      let texts: Partial<ExerciseTexts> = textsFromFlags(values);
      if (io.stdin.isTTY && io.stdout.isTTY && !values.yes) {
        const answered = await prompt(io, lang, names.id, texts, defaultTexts(names));
        if (!answered) {
          io.stdout.write(`${say('cancelled', lang)}\n`);
          return 1;
        }
        texts = answered;
      }
      const result = scaffoldExercise({ root, name: names.id, texts });
      io.stdout.write(`${say('created', lang, { id: result.names.id, n: result.files.length })}\n`);
      for (const file of result.files) io.stdout.write(`  exercises/${result.names.id}/${file}\n`);
      io.stdout.write(
        `\n${say('nextSteps', lang, { id: result.names.id, file: result.names.studentFile })}\n`,
      );
      return 0;
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await newExerciseMain(process.argv.slice(2), {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
  });
}
