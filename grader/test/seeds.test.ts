/**
 * Seed-dependent checks (`Check.seeds`), graded for real: the run's seed, then two extra run seeds
 * derived from it (`extraRunSeeds`), in order, in the same sandbox child, each judged; the check
 * passes only when every seed does, and a failure names the seed and how to rerun it. A quick
 * regrade on save runs the run's seed alone and `Regrader.confirm` adds the extra seeds after.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type LoadedExercise } from '../src/core/discover.js';
import type { RunOptions } from '../src/core/options.js';
import { awaitsExtraSeeds, openRegrader } from '../src/core/regrade.js';
import { gradeExercise } from '../src/core/run.js';
import { extraRunSeeds } from '../src/core/seed.js';
import type { GradeReport } from '../src/core/types.js';
import { toJsonReport } from '../src/report/json.js';
import { validateJsonReport } from '../src/report/schema.js';

const GRADER = fileURLToPath(new URL('..', import.meta.url));
const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'grade-seeds-')));
let exercise: LoadedExercise;

/** The public seed passes (odd); its first extra seed, 3860, is even and fails, as does 102268. */
const RUN_SEED = 12345;
const [FIRST_EXTRA, SECOND_EXTRA] = extraRunSeeds(RUN_SEED, 2) as [number, number];

/**
 * `lucky`: passes for an odd run seed only (seeds: 3); `plain`: one seed. The student's module
 * counts its calls, so the judge can tell which call of the child it judges.
 */
const CHECKS = `import { defineChecks, fail, pass } from '@gradschool/exercise-kit';
import type * as Student from './src/lucky.js';

type Got = { x: number; calls: number };
const said = (got: Got) => ({ ko: 'x=' + got.x + ' calls=' + got.calls, en: 'x=' + got.x + ' calls=' + got.calls });
export default defineChecks<typeof Student>([
  {
    id: 'lucky',
    title: { ko: '운', en: 'Luck' },
    points: 3,
    seeds: 3,
    input: (ctx) => ctx.runSeed,
    probe: (student, x) => student.echo(x),
    judge: (got: Got) => (got.x % 2 === 1 ? pass(said(got)) : fail(said(got))),
  },
  {
    id: 'plain',
    title: { ko: '보통', en: 'Plain' },
    points: 1,
    input: (ctx) => ctx.runSeed,
    probe: (student, x) => student.echo(x),
    judge: (got: Got) => pass(said(got)),
  },
]);
`;

const STUDENT = `let calls = 0;
export function echo(x: number) {
  calls += 1;
  return { x, calls };
}
`;

beforeAll(async () => {
  writeFileSync(path.join(root, 'package.json'), '{ "private": true, "type": "module" }\n');
  symlinkSync(path.join(GRADER, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const dir = path.join(root, 'exercises', '01-lucky');
  mkdirSync(path.join(dir, 'src'), { recursive: true });
  const text = { ko: '운', en: 'luck' };
  const manifest = {
    id: '01-lucky',
    order: 1,
    title: text,
    summary: text,
    lecture: { section: text, slides: ['1'] },
    files: ['src/lucky.ts'],
    hints: [text, text, text],
    timeLimitMs: 5000,
  };
  writeFileSync(path.join(dir, 'exercise.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'checks.ts'), CHECKS);
  writeFileSync(path.join(dir, 'src', 'lucky.ts'), STUDENT);
  const found = (await discover(root)).exercises[0];
  if (!found) throw new Error('the fixture exercise did not load');
  exercise = found;
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const options = (extra: Partial<RunOptions> = {}): RunOptions => ({
  root,
  seed: RUN_SEED,
  lang: 'en',
  source: 'src',
  ...extra,
});
const byId = (result: { checks: { id: string }[] }, id: string) => {
  const found = result.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found as GradeReport['exercises'][number]['checks'][number];
};

describe('a seed-dependent check', () => {
  it('the extra seeds are short, fixed, and differ from the run seed and from each other', () => {
    expect(extraRunSeeds(RUN_SEED, 2)).toEqual([FIRST_EXTRA, SECOND_EXTRA]);
    for (const seed of [0, 1, 7, RUN_SEED, 2 ** 40]) {
      const extra = extraRunSeeds(seed, 4);
      expect(new Set([seed, ...extra]).size).toBe(5);
      for (const s of extra) expect(s >= 0 && s < 1_000_000 && Number.isInteger(s)).toBe(true);
    }
    expect(FIRST_EXTRA % 2).toBe(0); // what the fixture's judge fails on
  });

  it('that passes the run seed only fails, names the seed that broke it and how to rerun it', async () => {
    const result = await gradeExercise(exercise, options());
    const lucky = byId(result, 'lucky');
    expect(lucky).toMatchObject({ status: 'fail', score: 0, failedSeed: FIRST_EXTRA });
    // Every seed judged, in order, in the same child (the module's call count goes on).
    expect(lucky.seeds).toEqual([
      { seed: RUN_SEED, status: 'pass' },
      { seed: FIRST_EXTRA, status: 'fail' },
      { seed: SECOND_EXTRA, status: 'fail' },
    ]);
    expect(lucky.message.en).toBe(
      `Failed with seed ${FIRST_EXTRA} (it passed with seed ${RUN_SEED}). This check depends on randomness, so it is graded with 3 seeds and must pass every one. Rerun it: \`pnpm grade 01 --seed ${FIRST_EXTRA}\`. x=${FIRST_EXTRA} calls=2`,
    );
    expect(lucky.message.ko).toContain(
      `시드 ${FIRST_EXTRA}에서 실패했습니다 (시드 ${RUN_SEED}에서는 통과했습니다)`,
    );
    expect(lucky.message.ko).toContain(`\`pnpm grade 01 --seed ${FIRST_EXTRA}\``);
    // A check of one seed is graded as before, and the exercise fails.
    const plain = byId(result, 'plain');
    expect(plain.status).toBe('pass');
    expect(plain.seeds).toBeUndefined();
    expect(result).toMatchObject({ status: 'fail', score: 1, maxScore: 4 });
  });

  it('the reproduction command reproduces it: that seed fails as the run seed, no extra seeds run', async () => {
    const lucky = byId(await gradeExercise(exercise, options({ seed: FIRST_EXTRA })), 'lucky');
    expect(lucky.status).toBe('fail');
    expect(lucky.seeds).toEqual([{ seed: FIRST_EXTRA, status: 'fail' }]);
    expect(lucky.failedSeed).toBeUndefined();
    expect(lucky.message.en).toBe(`x=${FIRST_EXTRA} calls=1`);
  });

  it('passes when every seed passes, and lists them', async () => {
    // 1's extra seeds are odd or even as they come: find a run seed whose three are all odd.
    const seed = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25].find((s) =>
      extraRunSeeds(s, 2).every((e) => e % 2 === 1),
    );
    if (seed === undefined) throw new Error('no all-odd run seed among the candidates');
    const lucky = byId(await gradeExercise(exercise, options({ seed })), 'lucky');
    expect(lucky).toMatchObject({ status: 'pass', score: 3 });
    expect(lucky.seeds?.map((s) => s.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('never prints a seed derived from the secret seed, and the JSON report keeps it null and valid', async () => {
    const result = await gradeExercise(exercise, options({ seedHidden: true }));
    const lucky = byId(result, 'lucky');
    expect(lucky.status).toBe('fail');
    for (const text of [lucky.message.en, lucky.message.ko]) {
      expect(text).not.toContain(String(RUN_SEED));
      expect(text).not.toContain(`--seed ${FIRST_EXTRA}`);
    }
    expect(lucky.message.en).toMatch(/^Failed with one of the secret extra seeds/);
    expect(lucky.message.ko).toMatch(/^비공개 추가 시드 중 하나에서 실패했습니다/);
    const report: GradeReport = {
      version: 1,
      seed: RUN_SEED,
      seedHidden: true,
      lang: 'en',
      score: result.score,
      maxScore: result.maxScore,
      durationMs: 1,
      startedAt: new Date(0).toISOString(),
      source: 'src',
      ignoredFiles: [],
      exercises: [result],
    };
    const hidden = toJsonReport(report, 'en');
    expect(validateJsonReport(hidden)).toEqual([]);
    const check = hidden.exercises[0]?.checks.find((c) => c.id === 'lucky');
    expect(check?.seeds).toEqual([
      { seed: null, status: 'pass' },
      { seed: null, status: 'fail' },
      { seed: null, status: 'fail' },
    ]);
    expect(check?.failedSeed).toBeNull();
    const open = toJsonReport({ ...report, seedHidden: false }, 'en');
    expect(validateJsonReport(open)).toEqual([]);
    expect(open.exercises[0]?.checks.find((c) => c.id === 'lucky')?.failedSeed).toBe(FIRST_EXTRA);
  });
});

describe('a regrade on save', () => {
  it('shows the run seed at once, then the extra seeds confirm it (and turn a lucky pass into a fail)', async () => {
    const regrader = openRegrader({ ...options(), prestart: false });
    try {
      const quick = await regrader.regrade(exercise);
      expect(byId(quick, 'lucky')).toMatchObject({
        status: 'pass',
        seeds: [{ seed: RUN_SEED, status: 'pass' }],
      });
      expect(awaitsExtraSeeds(quick)).toBe(true);
      const confirmed = await regrader.confirm(exercise, quick);
      expect(byId(confirmed, 'lucky')).toMatchObject({ status: 'fail', score: 0, failedSeed: FIRST_EXTRA });
      expect(byId(confirmed, 'lucky').seeds?.map((s) => s.seed)).toEqual([
        RUN_SEED,
        FIRST_EXTRA,
        SECOND_EXTRA,
      ]);
      expect(byId(confirmed, 'plain')).toEqual(byId(quick, 'plain'));
      expect(confirmed).toMatchObject({ status: 'fail', score: 1, maxScore: 4 });
      expect(awaitsExtraSeeds(confirmed)).toBe(false);
      // Cancelled (a newer save): the quick result stands.
      const controller = new AbortController();
      controller.abort();
      expect(await regrader.confirm(exercise, quick, { signal: controller.signal })).toBe(quick);
    } finally {
      regrader.close();
    }
  });
});
