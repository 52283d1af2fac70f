/**
 * `pnpm verify [id...] [--lang ko|en] [--root DIR]`: runs `verifyExercise` for every discovered
 * exercise (or those the ids select) and prints, per exercise, each problem with the check or file
 * it is about. Exit 0 when every exercise is good, 1 when one is not, 2 on a broken manifest.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Lang } from '@gradschool/exercise-kit';
import { langFromEnv } from '../cli/args.js';
import { discover, findRoot, matchesFilters } from '../core/discover.js';
import { t } from '../i18n/index.js';
import { verifyExercise } from './verify.js';

/** Verifies the exercises under `root` and writes the outcome to `out`; returns the exit code. */
export async function runVerify(
  root: string,
  filters: string[],
  lang: Lang,
  out: (line: string) => void,
): Promise<number> {
  const { exercises, problems } = await discover(root);
  let code = 0;
  for (const p of problems.filter((p) => matchesFilters(p.id, filters))) {
    out(`✗ ${p.file} (${p.field}): ${p.message[lang]}`);
    code = 2;
  }
  const selected = exercises.filter((e) => matchesFilters(e.id, filters));
  for (const ex of selected) {
    const result = await verifyExercise(ex, { root });
    if (result.ok) {
      out(`✓ ${t('core.verify.ok', lang, { id: ex.id, mutants: result.mutants })}`);
      continue;
    }
    code = Math.max(code, 1);
    out(`✗ ${t('core.verify.failed', lang, { id: ex.id, n: result.problems.length })}`);
    for (const p of result.problems) out(`    - ${p.where ? `[${p.where}] ` : ''}${p.message[lang]}`);
  }
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({
    options: { lang: { type: 'string' }, root: { type: 'string' } },
    allowPositionals: true,
  });
  const lang: Lang = values.lang === 'en' || values.lang === 'ko' ? values.lang : langFromEnv(process.env);
  const root = values.root ? path.resolve(values.root) : findRoot(process.cwd());
  process.exitCode = await runVerify(root, positionals, lang, (line) => process.stdout.write(`${line}\n`));
}
