// The type of the generated `manifest-validator.js` (ajv's standalone code for the manifest schema).
import type { ExerciseManifest } from '@gradschool/exercise-kit';
import type { ValidateFunction } from 'ajv';

declare const validate: ValidateFunction<ExerciseManifest>;
export default validate;
