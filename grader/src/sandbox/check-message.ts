/**
 * The grader's side of the protocol (`messages.ts`): whether what arrived from a child is a message
 * of its harness. Kept out of `messages.ts`, which the child's harness bundles too (for its types
 * and limits): the validator is generated code that loads ajv's runtime helpers, which a child,
 * allowed to read only its own folder, could not load.
 */
import validateFromChild from '../generated/from-child-validator.js';
import type { FromChild } from './messages.js';

/**
 * Checks `message` against `FROM_CHILD_SCHEMA` (`messages.ts`) and this run's nonce: `ok` when it is a message
 * of the harness, else why not (`unauthentic`: not signed with the nonce, `malformed`: wrong shape).
 */
export function checkFromChild(
  message: unknown,
  nonce: string,
): { ok: true; message: FromChild } | { ok: false; why: 'unauthentic' | 'malformed' } {
  if (typeof message !== 'object' || message === null || (message as { nonce?: unknown }).nonce !== nonce)
    return { ok: false, why: 'unauthentic' };
  // ajv's validator of FROM_CHILD_SCHEMA, as generated code (`src/dev/emit-schemas.ts`): no start
  // pays for compiling the schema.
  return validateFromChild(message)
    ? { ok: true, message: message as FromChild }
    : { ok: false, why: 'malformed' };
}
