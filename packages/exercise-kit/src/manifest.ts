/**
 * An exercise's `exercise.json`: its JSON Schema, written once here with TypeBox, and its TypeScript
 * type derived from it (`Static<>`), so the two cannot disagree. The grader validates manifests with
 * this schema (ajv), and `grader/schema/exercise.schema.json`, which editors use for autocompletion,
 * is emitted from it (`pnpm --filter @gradschool/grader schemas`; a grader test fails when it is stale).
 *
 * The kit's main entry exports only the type: the schema is imported from
 * `@gradschool/exercise-kit/manifest`, so code that runs in the sandbox never loads TypeBox.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** A schema whose type is `T`, written as plain JSON Schema (`$ref`, `oneOf`: what TypeBox would spell differently). */
const Json = <T>(schema: Record<string, unknown>) => Type.Unsafe<T>(schema);
const ref = <T extends TSchema>(name: string, _of: T, options: { description?: string } = {}) =>
  Json<Static<T>>({ ...options, $ref: `#/definitions/${name}` });

const localized = Type.Object(
  { ko: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { description: 'A text in Korean and English.', additionalProperties: false },
);
const relativePath = Type.String({
  description: "A path inside the exercise's folder, with forward slashes (no '..', not absolute).",
  minLength: 1,
  pattern: '^(?![/\\\\])(?![A-Za-z]:)(?!.*(^|[/\\\\])\\.\\.([/\\\\]|$))[^\\u0000]+$',
});
const moduleSpecifier = Type.String({ minLength: 1 });

/**
 * The JSON Schema (draft-07) of `exercise.json`.
 *
 * @example
 * ```ts
 * import { ExerciseManifestSchema } from '@gradschool/exercise-kit/manifest';
 * new Ajv({ allErrors: true }).compile<ExerciseManifest>(ExerciseManifestSchema);
 * ```
 */
export const ExerciseManifestSchema = Type.Object(
  {
    /** Points editors at the schema, for autocompletion. */
    $schema: Type.Optional(
      Type.String({ description: 'Points editors at this schema, for autocompletion.' }),
    ),
    /** Equal to the folder name, e.g. `"03-softmax"`. */
    id: Type.String({
      description: 'Equal to the folder name, e.g. "03-softmax".',
      pattern: '^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$',
    }),
    /** Position in the course (1, 2, ...). */
    order: Type.Integer({ description: 'Position in the course (1, 2, ...).', minimum: 1 }),
    title: ref('localized', localized),
    summary: ref('localized', localized),
    /** The lecture section (slide titles) the exercise follows. */
    lecture: Type.Object(
      {
        section: ref('localized', localized),
        slides: Type.Array(Type.String({ minLength: 1 })),
      },
      {
        description: 'The lecture section (slide titles) the exercise follows.',
        additionalProperties: false,
      },
    ),
    /**
     * The student-editable files, e.g. `["src/softmax.ts"]`. Nothing else of a submission is ever
     * read. The first one is the module the probes receive, unless `entry` says otherwise.
     */
    files: Type.Array(ref('relativePath', relativePath), {
      description:
        'The student-editable files, e.g. ["src/softmax.ts"]. The first one is the module the probes receive.',
      minItems: 1,
      uniqueItems: true,
    }),
    /** The module handed to `probe` (default: `files[0]`). */
    entry: Type.Optional(
      ref('relativePath', relativePath, { description: 'The module handed to probe (default: files[0]).' }),
    ),
    /** The checks module (default `"checks.ts"`). */
    checks: Type.Optional(
      ref('relativePath', relativePath, { description: 'The checks module (default "checks.ts").' }),
    ),
    /**
     * Checks graded only when a submission is recorded (`--submission`, `--batch`, Gradescope), kept
     * out of the student repository by `export-student`. The module's path (its helpers go under
     * `checks/hidden/`), and how many checks and points it holds: students see these two numbers,
     * never the module (it is not in their copy). `pnpm verify` fails when they are stale.
     */
    hidden: Type.Optional(
      Type.Object(
        {
          checks: ref('relativePath', relativePath, {
            description: 'The hidden checks module, e.g. "checks.hidden.ts" (helpers under checks/hidden/).',
          }),
          count: Type.Integer({ description: 'How many hidden checks the module holds.', minimum: 1 }),
          points: Type.Number({ description: 'Their points, together.', exclusiveMinimum: 0 }),
        },
        {
          description:
            'Checks graded only in record grading (--submission, --batch) and removed by export-student; students see their count and points only.',
          additionalProperties: false,
        },
      ),
    ),
    /** Progressive hints: a nudge, then the formula, then the pitfall. */
    hints: Type.Array(ref('localized', localized), {
      description: 'Progressive hints: a nudge, then the formula, then the pitfall.',
      minItems: 1,
    }),
    /** Default wall-clock limit of one check's probe, in milliseconds. */
    timeLimitMs: Type.Optional(
      Type.Integer({
        description: "Default wall-clock limit of one check's probe, in milliseconds.",
        minimum: 10,
        maximum: 600000,
      }),
    ),
    /** Heap cap of the sandbox child, in MiB. */
    memoryLimitMb: Type.Optional(
      Type.Integer({ description: 'Heap cap of the sandbox child, in MiB.', minimum: 32, maximum: 16384 }),
    ),
    /**
     * Imports the student's files may not use: a module specifier (the whole module), or a module with
     * the names it may not import from it.
     */
    forbiddenImports: Type.Optional(
      Type.Array(
        Json<string | { from: string; names: string[] }>({
          oneOf: [
            { $ref: '#/definitions/moduleSpecifier' },
            Type.Object(
              {
                from: ref('moduleSpecifier', moduleSpecifier),
                names: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
              },
              { additionalProperties: false },
            ),
          ],
        }),
        {
          description: "Imports the student's files may not use: a whole module, or some names of a module.",
        },
      ),
    ),
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gradschool.dev/schema/exercise.schema.json',
    title: 'gradschool exercise manifest (exercise.json)',
    description:
      "One exercise of the course. Paths are relative to the exercise's folder and never leave it.",
    additionalProperties: false,
    definitions: { localized, relativePath, moduleSpecifier },
  },
);

/**
 * An exercise's `exercise.json`, as validated by {@link ExerciseManifestSchema}.
 * Paths are relative to the exercise's folder and never leave it.
 */
export type ExerciseManifest = Static<typeof ExerciseManifestSchema>;
