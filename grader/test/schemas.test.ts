import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMITTED_SCHEMAS, schemaJson } from '../src/dev/emit-schemas.js';

describe('the JSON Schema files', () => {
  it.each(EMITTED_SCHEMAS.map(({ file, schema }) => [path.basename(file), file, schema] as const))(
    '%s is the one emitted from its TypeBox source (else: pnpm --filter @gradschool/grader schemas)',
    (_name, file, schema) => {
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(schemaJson(schema));
    },
  );
});
