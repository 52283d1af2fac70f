/**
 * The student repository's GitHub Actions workflow: on every push, install, grade with the secret
 * seed, and keep the reports. The grader itself appends the Markdown summary to
 * `$GITHUB_STEP_SUMMARY` (GitHub sets it), so the score shows on the run's page.
 */

/** Node.js major version CI runs (the course's minimum). */
export const CI_NODE_VERSION = 20;
/** pnpm version CI installs (the repository's `packageManager`). */
export const CI_PNPM_VERSION = '12.4.2';

/** `.github/workflows/grade.yml`. */
export function gradeWorkflow(): string {
  return `# 푸시할 때마다 채점합니다. 점수는 이 실행의 Summary 에, 보고서는 Artifacts(grade-reports)에 있습니다.
# Grades every push. The score is on the run's Summary page, the reports under Artifacts (grade-reports).
#
# 교수자: 저장소 Settings → Secrets and variables → Actions 에 GRADE_SEED (학기마다 새로 만든 큰 무작위 정수) 를
# 넣으면 채점 입력이 공개 시드와 달라져, 공개 시드의 답을 외워 적은 코드는 통과하지 못합니다. GitHub Classroom 은
# 템플릿의 시크릿을 복사하지 않으니 조직 시크릿으로 넣으세요. 시크릿이 없으면 공개 시드로 채점하고 경고합니다.
# Instructors: add a GRADE_SEED secret (a large random integer, new each term) so that CI's inputs differ
# from the public seed's. GitHub Classroom does not copy a template's secrets: use an organisation secret.
# Without it, grading falls back to the public seed, with a warning.
name: grade

on:
  push:
  workflow_dispatch:

permissions:
  contents: read

# A newer push cancels the grading of an older one on the same branch.
concurrency:
  group: grade-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    env:
      CI: 'true'
    steps:
      - uses: actions/checkout@v4

      - uses: actions/setup-node@v4
        with:
          node-version: ${CI_NODE_VERSION}

      # The same pnpm as package.json's packageManager (no pnpm/action-setup: it refuses a version
      # given twice).
      - name: Install pnpm ${CI_PNPM_VERSION}
        run: npm install -g pnpm@${CI_PNPM_VERSION}

      - name: Install dependencies
        run: pnpm install --frozen-lockfile

      # Exit code 1 when a check does not pass: the run shows red until everything passes.
      - name: Grade
        run: pnpm grade --ci --json report.json --junit junit.xml --gradescope results.json
        env:
          GRADE_SEED: \${{ secrets.GRADE_SEED }}

      - name: Upload the reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: grade-reports
          path: |
            report.json
            junit.xml
            results.json
          if-no-files-found: warn
`;
}
