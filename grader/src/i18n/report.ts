import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's report part. */
export const report = {
  // Statuses, as words (plain output, Markdown, JUnit).
  'report.status.pass': { ko: '통과', en: 'passed' },
  'report.status.fail': { ko: '실패', en: 'failed' },
  'report.status.error': { ko: '오류', en: 'error' },
  'report.status.timeout': { ko: '시간 초과', en: 'timed out' },
  'report.status.todo': { ko: '아직 구현 안 함', en: 'not implemented yet' },

  // Plain text output.
  'report.expected': { ko: '기대한 값', en: 'expected' },
  'report.got': { ko: '받은 값', en: 'got' },
  'report.hint': { ko: '힌트', en: 'hint' },
  'report.output': { ko: '코드가 출력한 내용', en: 'your code printed' },
  'report.skipped': {
    ko: '건너뜀: 먼저 통과해야 하는 검사 "{dep}"가 통과하지 못했습니다',
    en: 'skipped: the check "{dep}" it builds on did not pass',
  },
  'report.todoExercise': {
    ko: '아직 시작하지 않았습니다: {file}의 TODO를 채워 보세요',
    en: 'not started yet: fill in the TODOs in {file}',
  },
  'report.total': { ko: '합계', en: 'Total' },
  'report.points': { ko: '{score}/{max}점', en: '{score}/{max} pts' },
  'report.seed': { ko: '시드', en: 'seed' },
  'report.source.src': { ko: '학생 코드(src/)', en: 'student code (src/)' },
  'report.source.solution': { ko: '참고 답안(solution/)', en: 'reference solutions (solution/)' },
  'report.source.submission': { ko: '제출물', en: 'submission' },
  'report.ignoredFiles': {
    ko: '읽지 않은 파일 {count}개 (어떤 실습도 요구하지 않음)',
    en: '{count} file(s) ignored (not listed by any exercise)',
  },
  'report.noExercises': { ko: '채점할 실습이 없습니다.', en: 'No exercise to grade.' },
  'report.allPassed': { ko: '모든 검사를 통과했습니다! 🎉', en: 'Every check passed! 🎉' },
  'report.chartLast': { ko: '마지막 값', en: 'last value' },
} satisfies Record<string, Localized>;
