import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** Where the JSON report's schema lives (`grader/schema/report.schema.json`). */
export const REPORT_SCHEMA_URL = new URL('../../schema/report.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

/** The compiled validator of the JSON report, built once. */
export function reportValidator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(REPORT_SCHEMA_URL, 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    // ajv-formats is CommonJS: its plugin is the default export's `default`.
    addFormatsModule.default(ajv);
    compiled = ajv.compile(schema);
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
