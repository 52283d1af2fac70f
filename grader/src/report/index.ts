/**
 * The grader's reporters: everything that turns a `GradeReport` into text or files.
 * The core knows no output format; the CLI picks reporters from its flags.
 */
export { writeFileAtomic } from '../fs/atomic-write.js';
export {
  csvCell,
  type Gradebook,
  type GradebookColumn,
  type GradebookRow,
  renderGradebook,
  toGradebookCsv,
} from './gradebook.js';
export {
  type GradescopeOptions,
  type GradescopeResults,
  type GradescopeTest,
  type GradescopeVisibility,
  toGradescope,
} from './gradescope.js';
export {
  type JsonReport,
  type JsonReportExtras,
  type RefusedFile,
  toJsonReport,
  writeJsonReport,
} from './json.js';
export { toJUnit } from './junit.js';
export { appendStepSummary, toMarkdownSummary } from './markdown.js';
export { type PlainOptions, renderPlain } from './plain.js';
export { validateJsonReport } from './schema.js';
export { type WriteReportsOptions, writeReports } from './write.js';
