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
    ko: '건너뜀: 이 검사가 기대는 "{dep}" 검사를 통과하지 못했습니다',
    en: 'skipped: the check "{dep}" it builds on did not pass',
  },
  'report.todoExercise': {
    ko: '아직 시작하지 않았습니다: {file}의 TODO를 채워 보세요',
    en: 'not started yet: fill in the TODOs in {file}',
  },
  'report.total': { ko: '합계', en: 'Total' },
  'report.hiddenPending': {
    ko: '비공개 검사 {checks}개 ({points}점)는 제출 후 채점에서만 실행됩니다',
    en: '{checks} hidden {checks:check|checks} ({points} {points:pt|pts}) {checks:runs|run} only when your submission is graded',
  },
  'report.hiddenCheck': { ko: '[비공개]', en: '[hidden]' },
  'report.hiddenGraded': {
    ko: '비공개 검사 {checks}개 포함 ({score}/{points}점)',
    en: 'includes {checks} hidden {checks:check|checks} ({score}/{points} {points:pt|pts})',
  },
  'report.points': { ko: '{score}/{max}점', en: '{score}/{max} {max:pt|pts}' },
  'report.seed': { ko: '시드', en: 'seed' },
  'report.seedSecret': { ko: '비공개 (GRADE_SEED)', en: 'secret (GRADE_SEED)' },
  'report.source.src': { ko: '학생 코드(src/)', en: 'student code (src/)' },
  'report.source.solution': { ko: '참고 답안(solution/)', en: 'reference solutions (solution/)' },
  'report.source.submission': { ko: '제출물', en: 'submission' },
  'report.ignoredFiles': {
    ko: '읽지 않은 파일 {count}개 (어떤 실습도 요구하지 않음)',
    en: '{count} {count:file|files} ignored (not listed by any exercise)',
  },
  'report.md.exercise': { ko: '실습', en: 'exercise' },
  'report.md.title': { ko: '제목', en: 'title' },
  'report.md.score': { ko: '점수', en: 'score' },
  'report.refusedFile': { ko: '받지 않은 파일', en: 'refused file' },
  'report.noExercises': { ko: '채점할 실습이 없습니다.', en: 'No exercise to grade.' },
  'report.allPassed': { ko: '모든 검사를 통과했습니다! 🎉', en: 'Every check passed! 🎉' },
  'report.selectedPassed': {
    ko: '선택한 실습은 모두 통과했습니다. 이번에 채점하지 않은 실습 {n}개가 남았습니다:',
    en: 'The selected exercises pass. {n} more {n:was|were} not graded in this run:',
  },
  'report.gradeAll': { ko: '전체를 채점하려면: pnpm grade', en: 'To grade them all: pnpm grade' },
  'report.chartLast': { ko: '마지막 값', en: 'last value' },
  'report.picturesDropped': {
    ko: '그림 {n}개는 형식이 맞지 않거나 너무 많아 보여 주지 않습니다 (64 × 64 이하, 밝기 0~255, 최대 16개)',
    en: '{n} {n:picture|pictures} not shown: malformed or too many (at most 64 × 64, grey levels 0 to 255, at most 16)',
  },

  // Submissions (--submission DIR, --batch DIR): why a listed file was not taken.
  'report.refused.symlink': {
    ko: '심볼릭 링크는 받지 않습니다. 링크가 아닌 실제 파일을 제출하세요',
    en: 'symbolic links are not accepted: submit the file itself, not a link',
  },
  'report.refused.escape': {
    ko: '이 경로는 제출 폴더 밖을 가리킵니다 (링크된 폴더 또는 ..)',
    en: 'this path leads outside the submission folder (a linked folder or ..)',
  },
  'report.refused.tooLarge': {
    ko: '파일이 너무 큽니다: {size}바이트 (최대 {max}바이트)',
    en: 'the file is too large: {size} {size:byte|bytes} (at most {max})',
  },
  'report.refused.notFile': {
    ko: '일반 파일이 아닙니다 (폴더나 특수 파일)',
    en: 'not a regular file (a folder or a special file)',
  },
  'report.invalid': {
    ko: '보고서가 스키마(report.schema.json)와 맞지 않습니다. 채점기 버그이니 알려 주세요: {problems}',
    en: 'the report does not match its schema (report.schema.json); this is a grader bug, please report it: {problems}',
  },
  'report.submission.notFound': {
    ko: '제출 폴더가 없거나 폴더가 아닙니다: {dir}',
    en: 'the submission folder does not exist or is not a folder: {dir}',
  },
  'report.batch.empty': {
    ko: '일괄 채점할 제출 폴더가 없습니다: {dir}',
    en: 'no submission folder to grade in {dir}',
  },
  'report.batch.failed': {
    ko: '이 제출물은 채점하지 못했습니다: {reason}',
    en: 'this submission could not be graded: {reason}',
  },
  // The batch's journal (.gradebook-progress.json): resuming a batch that was stopped.
  'report.batch.resuming': {
    ko: '이어서 채점합니다: 제출물 {total}개 중 {done}개는 지난 실행에서 이미 채점했습니다.',
    en: 'Resuming: {done} of {total} {total:submission|submissions} already graded.',
  },
  'report.batch.interrupted': {
    ko: '지난 실행이 멈출 때 채점 중이던 제출물은 다시 채점합니다: {names}.',
    en: 'Being graded when the last run stopped, so graded again: {names}.',
  },
  'report.batch.changedSince': {
    ko: '채점한 뒤로 제출 파일이나 보고서가 바뀌어 다시 채점합니다: {names}.',
    en: 'Changed since graded (the submitted files or the report), so graded again: {names}.',
  },
  'report.batch.resumedTag': { ko: '이어서', en: 'resumed' },
  // Progress of a batch (--batch): a bar on a terminal, plain lines in CI.
  'report.batch.starting': {
    ko: '제출물 {total}개를 {jobs}개씩 동시에 채점합니다.',
    en: 'Grading {total} {total:submission|submissions}, {jobs} at a time.',
  },
  'report.batch.progress': {
    ko: '{done}/{total}개 완료 · 분당 {rate}개 · {eta}',
    en: '{done}/{total} done · {rate}/min · {eta}',
  },
  'report.batch.etaUnknown': { ko: '남은 시간 계산 중', en: 'estimating the time left' },
  'report.batch.etaLeft': { ko: '남은 시간 약 {time}', en: 'about {time} left' },
  'report.batch.etaDone': { ko: '모두 끝남', en: 'all done' },
  'report.batch.hoursMinutes': { ko: '{h}시간 {m}분', en: '{h} h {m} min' },
  'report.batch.minutesSeconds': { ko: '{m}분 {s}초', en: '{m} min {s} s' },
  'report.batch.seconds': { ko: '{s}초', en: '{s} s' },
  'report.batch.otherRun': {
    ko: '출력 폴더의 진행 기록(.gradebook-progress.json)은 다른 실행의 것입니다 (다른 점: {settings}). 결과를 섞지 않도록 모든 제출물을 처음부터 채점합니다.',
    en: 'The progress journal in the output folder (.gradebook-progress.json) is from another run (what differs: {settings}). To keep results from mixing, every submission is graded from the start.',
  },
  'report.batch.setting.seed': { ko: '시드', en: 'the seed' },
  'report.batch.setting.lang': { ko: '언어', en: 'the language' },
  'report.batch.setting.exercises': {
    ko: '채점할 실습(필터)',
    en: 'the exercises graded (filters)',
  },
  'report.batch.setting.course': {
    ko: '실습·검사·채점기 파일',
    en: "the exercises', checks' or grader's files",
  },
  'report.batch.setting.before': { ko: '마감 시각(--before)', en: 'the deadline (--before)' },
  'report.batch.setting.roster': { ko: '명단(--roster)', en: 'the roster (--roster)' },
  // A submission with nothing to grade (status `empty`), and what else was found in it.
  'report.submission.empty.folder': {
    ko: '제출 폴더가 비어 있어 채점할 것이 없습니다 (0점이 아니라 "제출 없음"으로 기록합니다).',
    en: 'The submission folder is empty: nothing to grade (recorded as empty, not as a 0).',
  },
  'report.submission.empty.noListedFiles': {
    ko: '제출 폴더에 실습 파일이 하나도 없습니다 (exercises/…/src/… 가 없음). 폴더 구조가 다른지 확인하세요.',
    en: 'The submission holds none of the exercise files (no exercises/…/src/…). Check whether its folder layout differs.',
  },
  'report.submission.empty.noCommitBefore': {
    ko: '마감 시각({before}) 전에 만든 커밋이 없어 채점할 것이 없습니다.',
    en: 'No commit was made before the deadline ({before}): nothing to grade.',
  },
  'report.submission.nested': {
    ko: '실습 파일이 한 단계 안쪽 폴더 {folder}에 있어 그곳을 채점했습니다 (압축을 푼 폴더로 보입니다).',
    en: 'The exercise files were one folder deeper, in {folder}, and were graded from there (an unzipped download, it seems).',
  },
  'report.submission.commit': {
    ko: '채점한 커밋: {commit} ({time})',
    en: 'Commit graded: {commit} ({time})',
  },
  'report.submission.changedTrusted': {
    ko: '제출물에서 바뀐 과목 파일(채점에는 쓰지 않고 원본을 씁니다): {files}',
    en: "Course files changed in the submission (never used: the course's own are): {files}",
  },
  'report.gradebook.status.empty': { ko: '제출 없음', en: 'empty' },
  'report.gradebook.status.failed': { ko: '채점 실패', en: 'failed' },
  'report.gradebook.student': { ko: '학생', en: 'student' },
  'report.gradebook.changedTrusted': {
    ko: '바뀐 과목 파일 {files}',
    en: 'changed course files {files}',
  },
  'report.gradebook.missing': {
    ko: '명단에 있지만 제출 폴더가 없습니다: {student}',
    en: 'On the roster, but no submission folder: {student}',
  },
  'report.gradebook.unknownFolder': {
    ko: '명단에 없는 제출 폴더: {folder}',
    en: 'A submission folder on no roster line: {folder}',
  },
  'report.roster.unreadable': {
    ko: '명단 파일 {file|을} 읽을 수 없습니다: {reason}',
    en: 'The roster {file} cannot be read: {reason}',
  },
  'report.roster.columns': {
    ko: '명단 {file}의 첫 줄에 폴더 열(`folder`, `github`, `login`, `폴더`)과 학번 열(`student_id`, `id`, `학번`)이 있어야 합니다. 찾은 열: {found}',
    en: 'The first line of the roster {file} must name a folder column (`folder`, `github`, `login` or its Korean name) and a student id column (`student_id`, `id` or its Korean name). Found: {found}',
  },
  'report.roster.duplicate': {
    ko: '명단 {file}에 폴더 {folder|이} 두 번 나옵니다.',
    en: 'The roster {file} lists the folder {folder} twice.',
  },
  // Feedback files (--feedback DIR): what a student gets back.
  'report.feedback.title': { ko: '채점 결과: {student}', en: 'Grading feedback: {student}' },
  'report.feedback.total': {
    ko: '총점 {score}/{max}점 ({percent}%)',
    en: 'Total {score}/{max} points ({percent}%)',
  },
  'report.feedback.exercise': { ko: '실습', en: 'Exercise' },
  'report.feedback.points': { ko: '점수', en: 'Points' },
  'report.feedback.failed': { ko: '통과하지 못한 검사', en: 'Checks that did not pass' },
  'report.feedback.allPassed': { ko: '모든 검사를 통과했습니다.', en: 'Every check passed.' },
  'report.feedback.hints': { ko: '힌트', en: 'Hints' },
  'report.feedback.expected': { ko: '기대값', en: 'expected' },
  'report.feedback.got': { ko: '결과', en: 'got' },
  'report.feedback.secretInputs': {
    ko: '이 검사의 입력은 비공개 시드로 만들어서, 입력과 기대값은 싣지 않습니다. 공개 시드로 `pnpm grade`를 돌려 같은 검사를 확인하세요.',
    en: "This check's inputs come from the secret seed, so its inputs and expected values are left out. Run `pnpm grade` (the public seed) to see the same check.",
  },
  'report.feedback.commit': { ko: '채점한 커밋: {commit} ({time})', en: 'Commit graded: {commit} ({time})' },
  'report.feedback.status.todo': { ko: '아직 구현하지 않음', en: 'not implemented yet' },
  'report.feedback.status.fail': { ko: '틀림', en: 'wrong' },
  'report.feedback.status.error': { ko: '오류', en: 'error' },
  'report.feedback.status.timeout': { ko: '시간 초과', en: 'timed out' },
  'report.feedback.status.pass': { ko: '통과', en: 'passed' },
  'report.batch.afterTamper': {
    ko: '지난 일괄 채점은 {submission|을} 채점하는 동안 채점기의 파일이 바뀌어 멈췄습니다. 그 결과는 이어 쓰지 않고 모든 제출물을 처음부터 채점합니다.',
    en: "The last batch stopped because the grader's files changed while {submission} ran: it is not resumed, and every submission is graded from the start.",
  },
  'report.batch.unreadable': {
    ko: '진행 기록 {file|을} 읽을 수 없어 무시하고 모든 제출물을 처음부터 채점합니다: {reason}',
    en: 'The progress journal {file} cannot be read, so it is ignored and every submission is graded from the start: {reason}',
  },
} satisfies Record<string, Localized>;
