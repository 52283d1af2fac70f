/**
 * The JSON report (`--json FILE`): its JSON Schema, written once here with TypeBox, and its types
 * derived from it (`Static<>`, see `json.ts`), so the two cannot disagree. The schema validates each
 * report before it is written; `grader/schema/report.schema.json`, for the report's readers, is
 * emitted from it (`pnpm --filter @gradschool/grader schemas`; a test fails when it is stale).
 */

import { MAX_PICTURES } from '@gradschool/exercise-kit';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CHECK_STATUSES, EXERCISE_STATUSES, MAX_PICTURE_SIDE, SOURCES } from '../core/types.js';

/** Where the JSON file of the report's schema is emitted (`grader/schema/report.schema.json`). */
export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

/** A schema whose type is `T`, written as plain JSON Schema (`const`, `enum`, a list of types). */
const Json = <T>(schema: Record<string, unknown>) => Type.Unsafe<T>(schema);
const ref = <T extends TSchema>(name: string, _of: T) => Json<Static<T>>({ $ref: `#/definitions/${name}` });
const oneOf = <const T extends readonly string[]>(values: T, description?: string) =>
  Json<T[number]>({ enum: values, ...(description ? { description } : {}) });

const points = Type.Number({ minimum: 0 });
const duration = Type.Number({ minimum: 0 });

const problem = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    column: Type.Optional(Type.Integer({ minimum: 0 })),
    frame: Type.Optional(Type.String()),
  },
  { additionalProperties: false, description: 'Why the exercise could not run at all.' },
);

const check = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    title: Type.String(),
    status: oneOf(CHECK_STATUSES),
    score: ref('points', points),
    maxScore: ref('points', points),
    message: Type.String(),
    expected: Type.Optional(Type.String()),
    got: Type.Optional(Type.String()),
    output: Type.String({ description: "What the student's code printed (truncated)." }),
    durationMs: ref('duration', duration),
    skippedBecause: Type.Optional(
      Type.String({ description: 'The earlier check that did not pass, so this one did not run.' }),
    ),
    seeds: Type.Optional(
      Type.Array(
        Type.Object(
          {
            seed: Json<number | null>({
              type: ['integer', 'null'],
              description: 'A run seed; null when derived from the secret GRADE_SEED.',
            }),
            status: oneOf(CHECK_STATUSES),
          },
          { additionalProperties: false },
        ),
        {
          description:
            "A seed-dependent check: the run seeds it was graded with, the run's own first, then the extra ones derived from it; each must pass.",
        },
      ),
    ),
    failedSeed: Type.Optional(
      Json<number | null>({
        type: ['integer', 'null'],
        description:
          'The extra run seed that failed first (rerun with --seed); null when derived from the secret GRADE_SEED.',
      }),
    ),
    table: Type.Optional(
      Type.Object(
        {
          head: Type.Array(Type.String()),
          rows: Type.Array(Type.Array(Json<string | number>({ type: ['string', 'number'] }))),
          diagonal: Type.Optional(
            Json<true>({
              const: true,
              description:
                'A confusion matrix: the first column names the true class, and cell rows[i][i + 1] (the diagonal) is highlighted.',
            }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    pictures: Type.Optional(
      Type.Array(
        Type.Object(
          {
            caption: Type.String(),
            width: Type.Integer({ minimum: 1, maximum: MAX_PICTURE_SIDE }),
            height: Type.Integer({ minimum: 1, maximum: MAX_PICTURE_SIDE }),
            pixels: Type.Array(Type.Integer({ minimum: 0, maximum: 255 }), {
              description: 'width × height grey levels, row by row; 0 is the background, 255 the brightest.',
            }),
          },
          { additionalProperties: false },
        ),
        {
          maxItems: MAX_PICTURES,
          description:
            "Small grey pictures the check's verdict drew (a digit the model got wrong, a filter).",
        },
      ),
    ),
    picturesDropped: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: "How many of the verdict's pictures were dropped as malformed or too many.",
      }),
    ),
    hidden: Type.Optional(
      Json<true>({
        const: true,
        description: "A hidden check (the manifest's hidden module): graded only in record grading.",
      }),
    ),
    chart: Type.Optional(
      Type.Object(
        {
          title: Type.String(),
          series: Type.Array(
            Type.Object(
              {
                name: Type.String(),
                values: Type.Array(Json<number | null>({ type: ['number', 'null'] })),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const exercise = Type.Object(
  {
    id: Type.String({ minLength: 1 }),
    title: Type.String(),
    status: oneOf(EXERCISE_STATUSES),
    score: ref('points', points),
    maxScore: ref('points', points),
    durationMs: ref('duration', duration),
    files: Type.Array(Type.String()),
    problem: Type.Optional(ref('problem', problem)),
    checks: Type.Array(ref('check', check)),
    hidden: Type.Optional(
      Type.Object(
        {
          checks: Type.Integer({ minimum: 1, description: 'How many hidden checks the exercise has.' }),
          points: ref('points', points),
          graded: Type.Boolean({
            description:
              'true: they ran and are in score/maxScore (record grading). false: announced only, not in maxScore (a local run).',
          }),
        },
        {
          additionalProperties: false,
          description:
            "The exercise's hidden checks: their count and points, and whether this run graded them.",
        },
      ),
    ),
  },
  { additionalProperties: false },
);

/**
 * The JSON Schema (draft-07) of the JSON report, version 1.
 *
 * @example
 * ```ts
 * new Ajv({ strict: true, allowUnionTypes: true }).compile<JsonReport>(JsonReportSchema);
 * ```
 */
export const JsonReportSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    version: Json<1>({ const: 1, description: "The report format's version." }),
    seed: Json<number | null>({
      type: ['integer', 'null'],
      description:
        "The run's seed (--seed / GRADE_SEED); null when it is the secret GRADE_SEED (then seedHidden is true).",
    }),
    seedHidden: Type.Optional(
      Type.Boolean({
        description: "The seed is CI's secret GRADE_SEED and is not shown anywhere in the outputs.",
      }),
    ),
    lang: oneOf(['ko', 'en'], 'The language of every text in this report.'),
    score: ref('points', points),
    maxScore: ref('points', points),
    percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    durationMs: ref('duration', duration),
    startedAt: Type.String({ format: 'date-time' }),
    source: oneOf(
      SOURCES,
      "What was graded: students' src/, the reference solution/, or a submission folder.",
    ),
    ignoredFiles: Type.Array(Type.String(), {
      description: 'Files of a submission not read (not listed by any manifest), repository-relative.',
    }),
    refusedFiles: Type.Optional(
      Type.Array(
        Type.Object({ path: Type.String(), reason: Type.String() }, { additionalProperties: false }),
        { description: 'Files of a submission refused (escaping paths, symlinks, oversized files).' },
      ),
    ),
    submission: Type.Optional(
      Type.Object(
        {
          status: oneOf(
            ['graded', 'empty'] as const,
            'empty: nothing to grade (an empty folder, none of the listed files, no commit before --before); never a silent 0.',
          ),
          message: Type.Optional(
            Type.String({ description: 'Why it is empty, or where its files were found (in `lang`).' }),
          ),
          nestedIn: Type.Optional(
            Type.String({ description: 'The inner folder the files were found in (an unzipped download).' }),
          ),
          commit: Type.Optional(
            Type.Object(
              { sha: Type.String(), committedAt: Type.String() },
              {
                additionalProperties: false,
                description: 'The git commit graded (HEAD, or the last before --before).',
              },
            ),
          ),
          changedTrustedFiles: Type.Array(Type.String(), {
            description:
              "Course files (checks, manifests, package files) the submission holds changed; never used for grading, the course's own are.",
          }),
        },
        {
          additionalProperties: false,
          description: 'A submission graded for the record (--submission, --batch).',
        },
      ),
    ),
    exercises: Type.Array(ref('exercise', exercise)),
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gradschool.dev/schema/report.schema.json',
    title: 'gradschool grade report',
    description:
      "What `pnpm grade --json FILE` writes. Texts are in the report's `lang`. Versioned: a breaking change bumps `version`.",
    additionalProperties: false,
    definitions: { points, duration, exercise, problem, check },
  },
);

/** The JSON report, as {@link JsonReportSchema} describes it (version 1). */
export type JsonReport = Static<typeof JsonReportSchema>;
/** One exercise in the JSON report: an `ExerciseResult` with texts in one language. */
export type JsonExercise = JsonReport['exercises'][number];
/** One check in the JSON report: a `CheckResult` with texts in one language. */
export type JsonCheck = JsonExercise['checks'][number];

let compiled: ValidateFunction | undefined;

/** The compiled validator of the JSON report, built once. */
export function reportValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats is CommonJS: its plugin is the default export's `default`.
    addFormatsModule.default(ajv);
    compiled = ajv.compile(JsonReportSchema);
  }
  return compiled;
}

/** Ajv's errors as one readable line each: `/exercises/0/score must be >= 0`. */
export function describeErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/**
 * Checks a value against the JSON report schema.
 *
 * @example
 * const problems = validateJsonReport(toJsonReport(report, 'ko')); // [] when valid
 */
export function validateJsonReport(value: unknown): string[] {
  const validate = reportValidator();
  return validate(value) ? [] : describeErrors(validate.errors);
}
