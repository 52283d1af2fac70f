// The type of the generated `from-child-validator.js` (ajv's standalone code for FROM_CHILD_SCHEMA).
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction;
export default validate;
