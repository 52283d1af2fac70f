import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import shared, { cpuMeter } from '../vitest.shared.js';

/**
 * The grader's tests in two projects. `unit`: pure parts and fakes, no Node process started (the
 * setup file refuses one), seconds in all: `pnpm --filter @gradschool/grader test:unit` while
 * working. `integration`: whatever grades for real — sandbox children, the CLI, a batch, verify —
 * listed here by file. `pnpm test` runs both.
 */
export const INTEGRATION = [
  'test/abort.test.ts',
  'test/batch-jobs.test.ts',
  'test/batch-resume-e2e.test.ts',
  'test/batch-resume.test.ts',
  'test/batch-run.test.ts',
  'test/cli.test.ts',
  'test/durations.test.ts',
  'test/faults-file.test.ts',
  'test/faults-process.test.ts',
  'test/faults.test.ts',
  'test/grade-fixtures.test.ts',
  'test/gradescope-autograder.test.ts',
  'test/hidden-checks.test.ts',
  'test/instructor-classroom.test.ts',
  'test/instructor-export.test.ts',
  'test/instructor-new-exercise.test.ts',
  'test/lanes.test.ts',
  'test/launcher.test.ts',
  'test/record-term.test.ts',
  'test/report-fixtures.test.ts',
  'test/sandbox-engine-warm-up.test.ts',
  'test/sandbox-harden.test.ts',
  'test/sandbox-large-input.test.ts',
  'test/sandbox-late.test.ts',
  'test/sandbox-limits.test.ts',
  'test/sandbox-warm.test.ts',
  'test/secret-seed.test.ts',
  'test/seeds.test.ts',
  'test/submission-grade.test.ts',
  'test/submission-prepare.test.ts',
  'test/typescript-cache.test.ts',
  'test/ui-e2e.test.ts',
  'test/verify.test.ts',
];

/**
 * The integration files that take longest (CPU and waiting, measured 2026-12-03 with
 * `VITEST_CPU_LOG`), longest first. Vitest starts files it has no record of in the order it found
 * them (alphabetical), so on a clean clone (`.ci/run`) `verify.test.ts`, the longest by far, started
 * last and ran alone at the end while the other worker idled. Started first, it overlaps the rest.
 */
export const LONGEST_FIRST = [
  'test/verify.test.ts',
  'test/faults-file.test.ts',
  'test/sandbox-harden.test.ts',
  'test/faults.test.ts',
  'test/instructor-new-exercise.test.ts',
  'test/hidden-checks.test.ts',
  'test/cli.test.ts',
  'test/durations.test.ts',
  'test/batch-resume-e2e.test.ts',
  'test/faults-process.test.ts',
  'test/grade-fixtures.test.ts',
];

/** Vitest's order (failed first, then by the last run's durations), with `LONGEST_FIRST` ahead. */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(
        path.relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/'),
      );
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((spec, index) => ({ spec, index, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ spec }) => spec);
  }
}

/** What both projects take from the workspace's shared config (not its file lists, which differ). */
const base = { resolve: shared.resolve, ssr: shared.ssr };
const testTimeout = shared.test?.testTimeout;

/**
 * Workers for the grader's test files. Vitest's default on 2 cores is 1 (cores − 1), which ran the
 * integration files one after the other while most of their time is spent waiting on sandbox
 * children and CLI processes: two files at once keep both cores busy.
 */
const maxWorkers = 2;

export default defineConfig({
  ...base,
  test: {
    maxWorkers,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        ...base,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...INTEGRATION],
          setupFiles: ['test/setup-env.ts', 'test/setup-unit.ts', ...cpuMeter],
          testTimeout,
          // Like the other packages (vitest.shared.ts): one module registry per worker, which cut
          // this project's CPU from 34 s to 13 s. A unit test file leaves no global state behind.
          isolate: false,
        },
      },
      {
        ...base,
        test: {
          name: 'integration',
          include: INTEGRATION,
          setupFiles: ['test/setup-env.ts', ...cpuMeter],
          testTimeout,
          // Kept isolated: these files start sandbox pools and change the environment, and importing
          // is a small part of their time (without isolation, instructor-export failed at load).
          isolate: true,
        },
      },
    ],
  },
});
