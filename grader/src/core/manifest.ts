/**
 * Validating an `exercise.json` against the manifest schema (ajv), plus what a schema cannot say:
 * the id equals the folder name, and every path stays inside the folder. The schema and the
 * `ExerciseManifest` type come from one source, the kit's `manifest.ts` (TypeBox);
 * `grader/schema/exercise.schema.json` is emitted from it for editors.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Localized } from '@gradschool/exercise-kit';
import type { ErrorObject } from 'ajv';
import manifestSchemaValidator from '../generated/manifest-validator.js';
import { both, t } from '../i18n/index.js';

/** Where the manifest schema's JSON file lives, emitted for editors (their `$schema` points here). */
export const MANIFEST_SCHEMA_PATH = fileURLToPath(
  new URL('../../schema/exercise.schema.json', import.meta.url),
);

/** What is wrong with one manifest, for people: the file, the field and why. */
export interface ManifestIssue {
  field: string;
  message: Localized;
}

/** JSON pointer `/files/0` -> `files[0]`, so the field reads like the JSON a student edits. */
function fieldName(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1);
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params.additionalProperty));
  let name = '';
  for (const part of parts) name += /^\d+$/.test(part) ? `[${part}]` : name ? `.${part}` : part;
  return name || '(root)';
}

/** Why a field failed, in both languages (ajv's own messages are English only). */
function reasonOf(error: ErrorObject): Localized {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { ko: '꼭 있어야 합니다', en: 'is required' };
    case 'additionalProperties':
      return { ko: '알 수 없는 필드입니다', en: 'is not a known field' };
    case 'type':
      return { ko: `${p.type} 형식이어야 합니다`, en: `must be of type ${p.type}` };
    case 'minLength':
    case 'minItems':
      return { ko: '비어 있으면 안 됩니다', en: 'must not be empty' };
    case 'minimum':
    case 'maximum':
      return {
        ko: `${error.keyword === 'minimum' ? '최소' : '최대'} ${p.limit}입니다`,
        en: `must be ${error.keyword === 'minimum' ? '>=' : '<='} ${p.limit}`,
      };
    case 'pattern':
      return /files|entry|checks|hidden/.test(error.instancePath)
        ? {
            ko: '연습 문제 폴더 안의 상대 경로여야 합니다',
            en: 'must be a relative path inside the exercise folder',
          }
        : { ko: `형식이 맞지 않습니다 (${p.pattern})`, en: `must match ${p.pattern}` };
    default:
      return { ko: error.message ?? error.keyword, en: error.message ?? error.keyword };
  }
}

/** True when `relative` (a manifest path, `/` or `\\` separated) names something inside its folder. */
export function isInsidePath(relative: string): boolean {
  const normalized = path.posix.normalize(relative.replaceAll('\\', '/'));
  if (path.posix.isAbsolute(normalized) || /^[A-Za-z]:/.test(normalized)) return false;
  return normalized !== '.' && normalized !== '..' && !normalized.startsWith('../');
}

/**
 * The manifest's problems (empty when it is valid). `file` is how messages name the manifest
 * (repository-relative), `folder` the exercise's folder name.
 */
export function validateManifest(data: unknown, file: string, folder: string): ManifestIssue[] {
  // ajv's compiled validator with every error (`allErrors`), as generated code: `src/generated/`,
  // written by `src/dev/emit-schemas.ts`, so no start pays for compiling the schema.
  const validate = manifestSchemaValidator;
  if (!validate(data)) {
    // `oneOf` reports every branch; the most specific error per field is enough for people.
    const seen = new Set<string>();
    const issues: ManifestIssue[] = [];
    for (const error of validate.errors ?? []) {
      const field = fieldName(error);
      if (seen.has(field)) continue;
      seen.add(field);
      const reason = reasonOf(error);
      issues.push({
        field,
        message: {
          ko: t('core.manifest.invalidField', 'ko', { file, field, reason: reason.ko }),
          en: t('core.manifest.invalidField', 'en', { file, field, reason: reason.en }),
        },
      });
    }
    return issues;
  }
  const manifest = data;
  const issues: ManifestIssue[] = [];
  if (manifest.id !== folder)
    issues.push({
      field: 'id',
      message: both('core.manifest.idMismatch', { file, id: manifest.id, folder }),
    });
  const paths: [string, string][] = [
    ...manifest.files.map((p, i): [string, string] => [`files[${i}]`, p]),
    ...(manifest.entry ? [['entry', manifest.entry] as [string, string]] : []),
    ...(manifest.checks ? [['checks', manifest.checks] as [string, string]] : []),
    ...(manifest.hidden ? [['hidden.checks', manifest.hidden.checks] as [string, string]] : []),
  ];
  for (const [field, p] of paths) {
    if (!isInsidePath(p))
      issues.push({ field, message: both('core.manifest.escapes', { file, field, path: p }) });
  }
  return issues;
}
