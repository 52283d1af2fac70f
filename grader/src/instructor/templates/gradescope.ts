/**
 * The two scripts of the Gradescope autograder (`pnpm export-gradescope`), as Gradescope's
 * specification asks: `setup.sh`, run once as root when Gradescope builds the autograder's image
 * (Ubuntu), and `run_autograder`, run for each submission with `/autograder/submission` holding
 * what the student uploaded; it must leave `/autograder/results/results.json`.
 *
 * `GRADSCHOOL_AUTOGRADER_ROOT` stands for `/autograder` in the tests of this repository (a
 * simulated root on a machine that is not Gradescope's); `GRADSCHOOL_SETUP_OFFLINE` makes
 * `setup.sh` skip what needs the network (Node and pnpm themselves) and install from pnpm's store.
 * Gradescope sets neither.
 */
import type { Lang } from '@gradschool/exercise-kit';
import { t } from '../../i18n/index.js';
import { CI_NODE_VERSION, CI_PNPM_VERSION } from './student-ci.js';

/** Where the course goes inside the autograder (`/autograder/source/<COURSE_DIR>`). */
export const COURSE_DIR = 'course';
/** The file holding the secret seed, beside the scripts (never in the course tree). */
export const SEED_FILE = 'grade-seed';

/** `setup.sh`: Node (at least the course's minimum) and pnpm, then the course's packages. */
export function setupScript(): string {
  return `#!/usr/bin/env bash
# Gradescope 이 자동 채점기 이미지를 만들 때 root 로 한 번 실행합니다 (Ubuntu).
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu).
set -euo pipefail

ROOT="\${GRADSCHOOL_AUTOGRADER_ROOT:-/autograder}"
NODE_MAJOR=${CI_NODE_VERSION}
PNPM_VERSION=${CI_PNPM_VERSION}

node_is_recent() {
  command -v node >/dev/null 2>&1 &&
    node -e "process.exit(Number(process.versions.node.split('.')[0]) >= $NODE_MAJOR ? 0 : 1)"
}

# The network part: Node from NodeSource's packages (the base image's own is too old or absent),
# then pnpm, the version the course's package.json names.
if [ -z "\${GRADSCHOOL_SETUP_OFFLINE:-}" ]; then
  if ! node_is_recent; then
    apt-get update
    apt-get install -y ca-certificates curl gnupg
    curl -fsSL "https://deb.nodesource.com/setup_$NODE_MAJOR.x" | bash -
    apt-get install -y nodejs
  fi
  npm install -g "pnpm@$PNPM_VERSION"
fi
node_is_recent || { echo "Node $NODE_MAJOR or later is needed" >&2; exit 1; }

# The course's packages, exactly as its lockfile pins them. Grading needs no network after this.
cd "$ROOT/source/${COURSE_DIR}"
pnpm install --frozen-lockfile \${GRADSCHOOL_SETUP_OFFLINE:+--offline}
`;
}

/** `results.json` for a run in which the grader wrote none (it could not start): 0 points, and why. */
function fallbackResults(lang: Lang): string {
  return JSON.stringify({
    score: 0,
    output: t('instructor.gradescope.noResults', lang),
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: [],
  });
}

/**
 * `run_autograder`: grades `/autograder/submission` with the seed kept beside the scripts
 * (`grade-seed`), in the autograder's language, into `/autograder/results/results.json`.
 */
export function runAutograderScript(lang: Lang): string {
  return `#!/usr/bin/env bash
# Gradescope 이 제출물마다 실행합니다: /autograder/submission 을 채점해 /autograder/results/results.json 을 씁니다.
# Gradescope runs this for each submission: grades /autograder/submission into /autograder/results/results.json.
set -uo pipefail

ROOT="\${GRADSCHOOL_AUTOGRADER_ROOT:-/autograder}"
RESULTS="$ROOT/results/results.json"
mkdir -p "$ROOT/results"
rm -f "$RESULTS"

# The secret seed: read from the autograder's own files (students cannot see them; the sandbox lets
# student code read nothing outside its own folder), passed as GRADE_SEED, never on the command line.
GRADE_SEED="$(tr -d '[:space:]' < "$ROOT/source/${SEED_FILE}")"
export GRADE_SEED
export CI=true

# Record grading (--submission) copies the files the exercises list from the submission into a
# private folder of its own; an upload with one extra top folder (a zipped folder) is found too.
cd "$ROOT/source/${COURSE_DIR}"
node grader/bin/grade.js --ci --lang ${lang} \\
  --submission "$ROOT/submission" --gradescope "$RESULTS"
echo "grader exit code: $?"

# Gradescope shows nothing useful without results.json: if the grader could not write it, say so.
if [ ! -s "$RESULTS" ]; then
  cat > "$RESULTS" <<'JSON'
${fallbackResults(lang)}
JSON
fi
exit 0
`;
}
