/**
 * The grader's reporters: everything that turns a `GradeReport` into text or files.
 * The core knows no output format; the CLI picks reporters from its flags.
 */
export { type PlainOptions, renderPlain } from './plain.js';
