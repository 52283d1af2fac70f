/**
 * Runs before every test file of the grader. Ink draws only its final frame when it believes it runs
 * in CI (the `is-in-ci` check, made when Ink is imported), so under `.ci/run` (CI=true) the UI tests
 * would see stale frames. The UI itself never runs in CI — the CLI picks the plain reporter there,
 * deciding from the `env` it is given, where `CI=false` still counts as set — so the tests render
 * as on a student's terminal.
 */
if (process.env.CI !== undefined) process.env.CI = 'false';

/**
 * Likewise `FORCE_COLOR` (`.ci/run` sets it to 0): `supports-color`, under `supports-hyperlinks`,
 * reads it as it loads and keeps the answer for the whole process, so a test could not set it back.
 */
delete process.env.FORCE_COLOR;
