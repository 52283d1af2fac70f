/**
 * Which folder of `src/` may import which (issue #12): the grading flows sandbox <- core <- record
 * <- cli, with report, ui and i18n beside it, and no import cycle anywhere. `test/architecture.test.ts`
 * runs these rules on `src/` with dependency-cruiser's API on every `pnpm test`; `npx depcruise src`
 * shows the same. Type-only imports count: a layer that needs another's types depends on it.
 *
 *   errors.ts, i18n/  import none of the grader's folders (everyone may import them)
 *   generated/        ajv's validators as code (dev/emit-schemas.ts writes them): import none either
 *   sandbox/          runs the children: imports none of core, record, cli, ui, report
 *   core/             the grading pipeline (discover -> load -> run -> judge -> score): imports sandbox
 *   report/           formats a result: of core only types.ts and score.ts
 *   record/           record grading (submissions, batch, tamper): imports core, report, sandbox
 *   ui/               draws and holds UI state: imports core and report
 *   cli/              one file per mode: may import all of the above
 *   dev/, instructor/ tools beside the runtime: nothing of the runtime imports them
 */

/** `^src/(a|b)/`: a path in one of these folders of `src/`. */
const inFolders = (...folders) => `^src/(${folders.join('|')})/`;

const RUNTIME = ['core', 'record', 'cli', 'ui', 'report', 'sandbox', 'i18n', 'generated'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle: the modules on it cannot be understood or loaded one before the other.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'leaves-stay-leaves',
      comment: 'errors.ts, i18n/ and generated/ are imported by every folder: they import none of them.',
      severity: 'error',
      from: { path: ['^src/errors\\.ts$', inFolders('i18n', 'generated')] },
      to: {
        path: inFolders(...RUNTIME.filter((f) => f !== 'i18n' && f !== 'generated'), 'dev', 'instructor'),
      },
    },
    {
      name: 'sandbox-knows-no-grading',
      comment: 'The sandbox runs children for whoever grades: it imports nothing of the grading.',
      severity: 'error',
      from: { path: inFolders('sandbox') },
      to: { path: inFolders('core', 'record', 'cli', 'ui', 'report') },
    },
    {
      name: 'core-is-the-pipeline',
      comment:
        'core/ grades (with sandbox/ and i18n/); record grading, the CLI, the UI and reports build on it.',
      severity: 'error',
      from: { path: inFolders('core') },
      to: { path: inFolders('record', 'cli', 'ui', 'report') },
    },
    {
      name: 'reports-take-results',
      comment: "A reporter formats a result: of core/ it knows only the result's types and the scores.",
      severity: 'error',
      from: { path: inFolders('report') },
      to: { path: `${inFolders('record', 'cli', 'ui', 'sandbox')}|^src/core/(?!(types|score)\\.ts$)` },
    },
    {
      name: 'record-builds-on-core',
      comment: 'Record grading uses core/, report/ and sandbox/; the CLI and the UI use it, not the reverse.',
      severity: 'error',
      from: { path: inFolders('record') },
      to: { path: inFolders('cli', 'ui') },
    },
    {
      name: 'ui-draws',
      comment:
        "The UI draws a session and holds the UI's state: the CLI builds the session (cli/interactive.ts).",
      severity: 'error',
      from: { path: inFolders('ui') },
      to: { path: inFolders('cli', 'record', 'sandbox') },
    },
    {
      name: 'runtime-without-tools',
      comment: '`pnpm grade` never loads the developer and instructor tools (a student repository has none).',
      severity: 'error',
      from: { path: [...RUNTIME.map((f) => inFolders(f)), '^src/errors\\.ts$'] },
      to: { path: inFolders('dev', 'instructor') },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
