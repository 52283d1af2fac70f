import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTED_SCHEMAS, EMITTED_VALIDATORS, schemaJson, validatorCode } from '../src/dev/emit-schemas.js';

describe('the JSON Schema files', () => {
  it.each(EMITTED_SCHEMAS.map(({ file, schema }) => [path.basename(file), file, schema] as const))(
    '%s is the one emitted from its TypeBox source (else: pnpm --filter @gradschool/grader schemas)',
    (_name, file, schema) => {
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schemaJson(schema));
    },
  );
});

describe('the generated validators', () => {
  it.each(
    EMITTED_VALIDATORS.map(
      ({ file, schema, options }) => [path.basename(file), file, schema, options] as const,
    ),
  )(
    '%s is the code ajv generates from its schema today (else: pnpm --filter @gradschool/grader schemas)',
    (_name, file, schema, options) => {
      expect(readFileSync(file, 'utf8')).toBe(validatorCode(schema, options));
    },
  );

  it('judge as ajv compiling the schema would: the same verdicts and errors on good and broken manifests', async () => {
    const { Ajv } = await import('ajv');
    const { default: generated } = await import('../src/generated/manifest-validator.js');
    const { ExerciseManifestSchema } = await import('@gradschool/exercise-kit/manifest');
    const compiled = new Ajv({ allErrors: true, strict: false }).compile(ExerciseManifestSchema);
    const good = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../exercises/07-cnn/exercise.json'), 'utf8'),
    );
    const cases = [
      good,
      { ...good, id: 7 },
      { ...good, files: [] },
      { ...good, hints: [{ ko: 'only Korean' }] },
      { ...good, extra: true, timeLimitMs: -1 },
      {},
      null,
    ];
    for (const manifest of cases) {
      expect(generated(manifest)).toBe(compiled(manifest));
      expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
    }
  });
});
