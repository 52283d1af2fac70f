/**
 * `pnpm --filter @gradschool/grader schemas`: writes the JSON Schema files of `grader/schema/` from
 * their one source, the TypeBox schemas (the manifest's in the kit's `manifest.ts`, the report's in
 * `report/schema.ts`). Editors read `exercise.schema.json` (each `exercise.json` names it in
 * `$schema`), a report's readers `report.schema.json`; `test/schemas.test.ts` fails when either is
 * stale. The package script formats them with Biome afterwards.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ExerciseManifestSchema } from '@gradschool/exercise-kit/manifest';
import { MANIFEST_SCHEMA_PATH } from '../core/manifest.js';
import { JsonReportSchema, REPORT_SCHEMA_URL } from '../report/schema.js';

/** Each emitted file (absolute) and the schema it holds. */
export const EMITTED_SCHEMAS: readonly { file: string; schema: object }[] = [
  { file: MANIFEST_SCHEMA_PATH, schema: ExerciseManifestSchema },
  { file: fileURLToPath(REPORT_SCHEMA_URL), schema: JsonReportSchema },
];

/** The schema as plain JSON data (TypeBox's symbol-keyed markers dropped). */
export function schemaJson(schema: object): unknown {
  return JSON.parse(JSON.stringify(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { file, schema } of EMITTED_SCHEMAS) {
    writeFileSync(file, `${JSON.stringify(schemaJson(schema), null, 2)}\n`);
    console.log(`wrote ${file}`);
  }
}
