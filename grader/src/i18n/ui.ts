import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's ui part (the Ink screens and the plain watch mode). */
export const ui = {
  'ui.title': { ko: 'gradschool 채점기', en: 'gradschool grader' },
  'ui.points': { ko: '{score}/{max}점', en: '{score}/{max} {max:pt|pts}' },
  'ui.status.pass': { ko: '통과', en: 'passed' },
  'ui.status.fail': { ko: '실패', en: 'failing' },
  'ui.status.todo': { ko: '시작 전', en: 'not started' },
  'ui.status.error': { ko: '오류', en: 'error' },
  'ui.status.timeout': { ko: '시간 초과', en: 'timed out' },
  'ui.status.running': { ko: '채점 중', en: 'grading' },
  'ui.status.pending': { ko: '대기 중', en: 'waiting' },
  'ui.grading': { ko: '채점 중…', en: 'Grading…' },
  'ui.watching': { ko: '저장하면 자동 채점', en: 'regrades on save' },
  'ui.next': { ko: '다음 할 일', en: 'next up' },
  'ui.overview.checks': {
    ko: '검사 {passed}/{total}개 통과 · Enter: 자세히',
    en: '{passed}/{total} {total:check passes|checks pass} · Enter: details',
  },
  'ui.running.check': {
    ko: '검사 {index}/{total} 실행 중: {title} · {elapsed}초 / 제한 {limit}초',
    en: 'Running check {index}/{total}: {title} · {elapsed} s of {limit} s',
  },
  'ui.running.starting': { ko: '채점 준비 중…', en: 'Starting…' },
  'ui.pointsStale': { ko: '이전 {score}/{max}점', en: 'last {score}/{max} {max:pt|pts}' },
  'ui.keys.move': { ko: '이동', en: 'move' },
  'ui.keys.open': { ko: '자세히', en: 'details' },
  'ui.keys.back': { ko: '뒤로', en: 'back' },
  'ui.keys.scroll': { ko: '검사', en: 'checks' },
  'ui.keys.page': { ko: '아래로', en: 'page' },
  'ui.keys.hint': { ko: '힌트', en: 'hint' },
  'ui.keys.regrade': { ko: '재채점', en: 'regrade' },
  'ui.keys.lang': { ko: 'English', en: '한국어' },
  'ui.keys.help': { ko: '도움말', en: 'keys' },
  'ui.keys.quit': { ko: '종료', en: 'quit' },
  'ui.help.title': { ko: '키 안내', en: 'Keys' },
  'ui.help.move': {
    ko: '실습 사이를 이동 (자세히 화면에서는 검사 사이를 스크롤)',
    en: 'move between exercises (scroll the checks, on the details screen)',
  },
  'ui.help.open': {
    ko: '선택한 실습의 검사 결과를 자세히 보기',
    en: 'show the checks of the selected exercise',
  },
  'ui.help.back': { ko: '목록으로 돌아가기', en: 'back to the list' },
  'ui.help.page': {
    ko: '자세히 화면을 한 쪽씩 아래로 / 위로 (화면보다 긴 검사: 그림, 차트)',
    en: 'page the details screen down / up (a check taller than the screen: pictures, charts)',
  },
  'ui.help.hint': {
    ko: '다음 힌트 하나 더 보기 (다음 실행에도 기억합니다)',
    en: 'reveal the next hint (remembered next time)',
  },
  'ui.help.regrade': { ko: '모든 실습을 다시 채점', en: 'regrade every exercise' },
  'ui.help.lang': { ko: '한국어 ↔ English', en: '한국어 ↔ English' },
  'ui.help.quit': { ko: '종료', en: 'quit' },
  'ui.help.watch': {
    ko: '파일을 저장하면 그 실습만 바로 다시 채점합니다.',
    en: 'Saving a file regrades that exercise right away.',
  },
  'ui.help.close': { ko: '? 또는 Esc를 누르면 닫힙니다.', en: 'Press ? or Esc to close.' },
  'ui.details.file': { ko: '내 파일', en: 'Your file' },
  'ui.details.readme': { ko: '실습 설명', en: 'The task' },
  'ui.details.expected': { ko: '기대값', en: 'expected' },
  'ui.details.got': { ko: '내 결과', en: 'got' },
  'ui.details.output': { ko: '출력', en: 'output' },
  'ui.details.skipped': {
    ko: '"{check}" 검사를 먼저 통과해야 실행됩니다.',
    en: 'Runs once "{check}" passes.',
  },
  'ui.details.notGraded': { ko: '아직 채점하지 않았습니다.', en: 'Not graded yet.' },
  'ui.details.scroll': {
    ko: '{total}개 중 {first}번째 검사부터 · j/k: 검사 이동 · Space/PgDn: 아래로, b/PgUp: 위로',
    en: 'Checks from {first}/{total} · j k: next check · Space PgDn: page down, b PgUp: up',
  },
  'ui.problem.title': { ko: '이 실습을 실행할 수 없습니다', en: 'This exercise could not run' },
  'ui.hints.title': { ko: '힌트 {n}/{total}', en: 'Hint {n}/{total}' },
  'ui.hints.none': {
    ko: '막혔나요? h를 누르면 힌트를 하나씩 볼 수 있습니다 ({total}개).',
    en: 'Stuck? Press h to reveal a hint, one at a time ({total} in all).',
  },
  'ui.hints.exhausted': {
    ko: '힌트를 모두 봤습니다 ({total}개). 더 막혔다면: {readme}의 "구현할 것"을 다시 읽고, 통과하지 못한 검사의 기대값과 내 결과를 비교하고, pnpm grade {id} --typecheck로 타입 오류가 없는지 확인해 보세요.',
    en: 'That was the last hint ({total} in all). Still stuck? Reread "What to implement" in {readme}, compare the expected and got rows of the failing check, and run pnpm grade {id} --typecheck to look for type errors.',
  },
  'ui.hints.more': { ko: 'h: 다음 힌트 ({left}개 남음)', en: 'h: next hint ({left} left)' },
  'ui.finish.title': {
    ko: '🎉 모든 실습을 통과했습니다! {score}/{max}점',
    en: '🎉 Every exercise passes! {score}/{max} {max:point|points}',
  },
  'ui.finish.selectedTitle': {
    ko: '✓ 선택한 실습을 모두 통과했습니다. {score}/{max}점',
    en: '✓ The selected exercises pass. {score}/{max} {max:point|points}',
  },
  'ui.finish.remaining': {
    ko: '이번에 채점하지 않은 실습 {n}개가 남았습니다:',
    en: '{n} more {n:exercise was|exercises were} not graded in this run:',
  },
  'ui.finish.gradeAll': {
    ko: '전체를 채점하려면 q로 나간 뒤: pnpm grade',
    en: 'To grade them all, quit with q and run: pnpm grade',
  },
  'ui.finish.next': { ko: '다음 단계:', en: 'What next:' },
  'ui.finish.push': {
    ko: '• 커밋하고 푸시하세요. CI가 비밀 시드로 다시 채점합니다: git add exercises && git commit -m "실습 완료" && git push',
    en: '• Commit and push: CI grades your work again with a secret seed: git add exercises && git commit -m "Finish the exercises" && git push',
  },
  'ui.finish.seed': {
    ko: '• 다른 입력으로도 통과하는지 확인해 보세요: pnpm grade --seed 2024',
    en: '• Check that other inputs pass too: pnpm grade --seed 2024',
  },
  'ui.failure': { ko: '채점기를 실행하지 못했습니다: {message}', en: 'The grader could not run: {message}' },
  'ui.noExercises': {
    ko: '실습을 찾지 못했습니다. 저장소의 루트에서 실행했나요?',
    en: 'No exercises found. Are you at the root of the course repository?',
  },
  'ui.tooSmall': {
    ko: '터미널이 너무 작습니다 ({cols}×{rows}). 창을 키워 주세요.',
    en: 'The terminal is too small ({cols}×{rows}). Please make it bigger.',
  },
  'ui.watch.started': {
    ko: '파일을 저장하면 그 실습을 다시 채점합니다. 끝내려면 Ctrl-C.',
    en: 'Watching: saving a file regrades its exercise. Ctrl-C to stop.',
  },
  'ui.watch.regrading': { ko: '{id} 다시 채점 중…', en: 'Regrading {id}…' },
  'ui.watch.seedsConfirmed': {
    ko: '{id}: 무작위성에 따라 결과가 달라지는 검사를 추가 시드로도 검사했습니다. 결과는 같습니다.',
    en: '{id}: the checks that depend on randomness were also graded with their extra seeds; same result.',
  },
  'ui.watch.seedsChanged': {
    ko: '{id}: 무작위성에 따라 결과가 달라지는 검사가 추가 시드에서 실패했습니다. 고친 결과:',
    en: '{id}: a check that depends on randomness failed with an extra seed. The corrected result:',
  },
  'ui.watch.regradeFailed': {
    ko: '{id|을} 다시 채점하지 못했습니다: {message} (계속 지켜봅니다)',
    en: 'Could not regrade {id}: {message} (still watching)',
  },
  'ui.watch.failed': {
    ko: '파일을 지켜보다 문제가 생겼습니다: {message} (계속 지켜봅니다)',
    en: 'A problem while watching the files: {message} (still watching)',
  },
} satisfies Record<string, Localized>;
