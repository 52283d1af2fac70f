import type { Localized } from '@gradschool/exercise-kit';

/** Student-facing strings of the grader's core part (discovery, sandbox, scoring, CLI, verify). */
export const core = {
  // Manifests and discovery
  'core.manifest.unreadable': {
    ko: '{file|을} 읽을 수 없습니다: {reason}',
    en: 'Cannot read {file}: {reason}',
  },
  'core.manifest.invalidJson': {
    ko: '{file|은} 올바른 JSON이 아닙니다: {reason}',
    en: '{file} is not valid JSON: {reason}',
  },
  'core.manifest.invalidField': {
    ko: '{file}: 필드 {field|이} 올바르지 않습니다: {reason}',
    en: '{file}: field {field} is invalid: {reason}',
  },
  'core.manifest.idMismatch': {
    ko: '{file}: id "{id}"는 폴더 이름 "{folder}"과(와) 같아야 합니다.',
    en: '{file}: id "{id}" must equal the folder name "{folder}".',
  },
  'core.manifest.escapes': {
    ko: '{file}: {field}의 경로 "{path}"가 실습 폴더 밖을 가리킵니다.',
    en: '{file}: the path "{path}" in {field} leaves the exercise folder.',
  },
  'core.manifest.missingFile': {
    ko: '{file}: {field}의 파일 {path|이} 없습니다.',
    en: '{file}: the file "{path}" named in {field} does not exist.',
  },
  'core.checks.loadFailed': {
    ko: '채점 파일 {file|을} 불러오지 못했습니다 (강사에게 알려 주세요): {reason}',
    en: 'Could not load the checks {file} (please tell your instructor): {reason}',
  },
  'core.checks.hiddenIdTaken': {
    ko: '비공개 검사 파일 {file}의 검사 "{check}"와 같은 id의 공개 검사가 이미 있습니다.',
    en: 'The hidden checks {file} reuse the id "{check}" of a public check.',
  },
  'core.checks.hiddenMissing': {
    ko: '{file}에 선언된 비공개 검사 파일 {path|이} 없습니다. 제출물은 학생용 사본이 아니라 강의 저장소에서 채점하세요.',
    en: 'The hidden checks "{path}" declared in {file} are missing. Grade submissions from the course repository, not from a student copy.',
  },
  'core.checks.badExport': {
    ko: '{file}의 default export가 defineChecks([...])의 결과가 아닙니다.',
    en: 'The default export of {file} is not the result of defineChecks([...]).',
  },

  // Static checks before running
  'core.static.syntax': {
    ko: '{file}:{line}:{column}에 문법 오류가 있습니다: {reason}',
    en: 'Syntax error at {file}:{line}:{column}: {reason}',
  },
  'core.static.typeErrors': {
    ko: '{file}에 타입 오류가 {n}개 있습니다 (pnpm grade --typecheck):',
    en: '{file} has {n} {n:type error|type errors} (pnpm grade --typecheck):',
  },
  'core.static.typeErrorsMore': {
    ko: '… 그리고 타입 오류 {n}개가 더 있습니다. 위의 것부터 고치세요.',
    en: '… and {n} more {n:type error|type errors}. Fix the ones above first.',
  },
  'core.static.forbiddenModule': {
    ko: '{file}:{line}:{column}: 이 실습에서는 {module|을} import할 수 없습니다. 직접 구현해 보세요.',
    en: '{file}:{line}:{column}: this exercise does not allow importing "{module}". Write it yourself.',
  },
  'core.static.forbiddenName': {
    ko: '{file}:{line}:{column}: 이 실습에서는 "{module}"의 {name|을} 쓸 수 없습니다. 직접 구현해 보세요.',
    en: '{file}:{line}:{column}: this exercise does not allow {name} from "{module}". Write it yourself.',
  },
  'core.static.computedImport': {
    ko: '{file}:{line}:{column}: 모듈 이름은 문자열 그대로 써야 합니다 (import(변수)나 require(변수)는 확인할 수 없습니다).',
    en: '{file}:{line}:{column}: module names must be written as plain strings (import(variable) or require(variable) cannot be checked).',
  },
  'core.static.missingStudentFile': {
    ko: '학생 파일 {file|이} 없습니다.',
    en: 'The student file {file} does not exist.',
  },
  'core.static.caseMismatch': {
    ko: '{found|은} {name|과} 대소문자만 다릅니다: 파일 이름을 정확히 {name|으로} 바꾸세요 (Windows·macOS에서는 되어도 CI의 Linux에서는 찾지 못합니다).',
    en: '{found} differs from {name} only in case: rename it to exactly {name} (it may work on Windows or macOS, but CI on Linux will not find it).',
  },
  'core.static.isDirectory': {
    ko: '{file|은} 파일이 아니라 폴더입니다. 폴더를 지우고 그 자리에 파일을 다시 만드세요 (git checkout -- {file|으로} 처음 상태로 되돌릴 수 있습니다).',
    en: '{file} is a directory, not a file. Remove the folder and put the file back (git checkout -- {file} restores the starter).',
  },
  'core.static.notAFile': {
    ko: '{file|은} 보통 파일이 아닙니다 (장치·소켓 등). 일반 .ts 파일이어야 합니다.',
    en: '{file} is not a regular file (a device, socket, ...). It must be a plain .ts file.',
  },
  'core.static.tooLarge': {
    ko: '{file}의 크기는 {size}인데 한도는 {max}입니다. 이 실습에는 그보다 훨씬 작은 파일이면 충분합니다 (붙여 넣은 데이터가 있으면 지우세요).',
    en: 'The file {file} is {size}; the limit is {max}. Every exercise fits in far less (remove any pasted data).',
  },
  'core.static.unreadable': {
    ko: '{file|을} 읽을 수 없습니다 ({reason}). 파일 권한을 확인하세요.',
    en: "Cannot read {file} ({reason}). Check the file's permissions.",
  },
  'core.notRun': {
    ko: '실행하지 않았습니다: {reason}',
    en: 'Not run: {reason}',
  },

  // Running checks
  'core.check.todo': {
    ko: '아직 구현하지 않았습니다: {what}의 TODO를 채워 보세요.',
    en: 'Not implemented yet: fill in the TODO of {what}.',
  },
  'core.check.dependsTodo': {
    ko: '먼저 "{dep}" 검사를 통과해야 합니다 (아직 구현하지 않음).',
    en: 'Needs check "{dep}" first (not implemented yet).',
  },
  'core.check.dependsFailed': {
    ko: '실행하지 않았습니다: 이 검사는 "{dep}" 검사에 의존하는데, 그 검사가 통과하지 못했습니다. 그것부터 고치세요.',
    en: 'Not run: this check depends on "{dep}", which did not pass. Fix that one first.',
  },
  'core.check.threw': {
    ko: '코드에서 예외가 발생했습니다: {error}',
    en: 'Your code threw an error: {error}',
  },
  'core.check.threwAt': {
    ko: '코드에서 예외가 발생했습니다: {error}\n    위치: {where}',
    en: 'Your code threw an error: {error}\n    at {where}',
  },
  'core.check.threwIn': {
    ko: '코드에서 예외가 발생했습니다: {error}\n    위치: {where} (`{fn}` 안)',
    en: 'Your code threw an error: {error}\n    at {where}, in `{fn}`',
  },
  'core.check.threwInHelper': {
    ko: '코드에서 예외가 발생했습니다: {error}\n    위치: {where} (`{caller}`가 부른 `{fn}` 안). `{fn}`부터 살펴보세요: 이 검사가 부른 것은 `{caller}`이지만 예외는 `{fn}`에서 났습니다.',
    en: 'Your code threw an error: {error}\n    at {where}, in `{fn}`, called by `{caller}`. Look at `{fn}` first: this check called `{caller}`, but the error came from `{fn}`.',
  },
  'core.check.exitCalled': {
    ko: 'process.exit({code}) 호출: 채점 중에는 프로세스를 끝낼 수 없습니다. 값을 return 하세요.',
    en: 'Your code called process.exit({code}). It cannot end the process while being graded; return the value instead.',
  },
  'core.check.unhandled': {
    ko: '처리되지 않은 예외나 거부된 Promise가 있었습니다: {error}',
    en: 'There was an unhandled error or promise rejection: {error}',
  },
  'core.check.timeout': {
    ko: '{seconds}초 안에 끝나지 않았습니다. 무한 루프나 끝나지 않는 Promise가 없는지 확인하세요.',
    en: 'Did not finish within {seconds} s. Look for an infinite loop or a promise that never settles.',
  },
  'core.check.crashed': {
    ko: '검사 중에 프로세스가 갑자기 끝났습니다 ({how}).',
    en: 'The process ended abruptly during the check ({how}).',
  },
  'core.check.outOfMemory': {
    ko: '메모리를 너무 많이 썼습니다 (한도 {mb} MiB). 아주 큰 배열을 만들거나 끝없이 쌓고 있지 않은지 확인하세요.',
    en: 'Used too much memory (limit {mb} MiB). Look for a huge array or something that grows without end.',
  },
  'core.check.loadFailed': {
    ko: '파일을 불러오는 중에 오류가 났습니다: {error}',
    en: 'Your file failed while loading: {error}',
  },
  'core.check.unclonable': {
    ko: '반환한 값을 채점기로 보낼 수 없습니다 (함수나 클래스 인스턴스 대신 숫자·배열을 반환하세요): {error}',
    en: 'The returned value cannot be sent to the grader (return numbers or arrays, not functions or class instances): {error}',
  },
  'core.check.returnedPromise': {
    ko: '{call}의 반환값이 Promise입니다: `async`를 지우세요 (이 실습의 함수는 모두 동기 함수입니다).',
    en: '{call} returned a Promise: remove `async` (these functions are synchronous).',
  },
  'core.check.returnedPromiseUnknown': {
    ko: '내 파일의 함수가 Promise를 반환했습니다: `async`를 지우세요 (이 실습의 함수는 모두 동기 함수입니다).',
    en: 'A function in your file returned a Promise: remove `async` (these functions are synchronous).',
  },
  'core.check.badAnswer': {
    ko: '샌드박스에서 올바른 응답이 오지 않았습니다: {reason}',
    en: 'No valid answer came back from the sandbox: {reason}',
  },
  'sandbox.answer.tooLarge': {
    ko: '답이 너무 큽니다: {mb} MiB (한도 {max} MiB). 필요한 값만 반환하세요.',
    en: 'The answer is too large: {mb} MiB (the limit is {max} MiB). Return only the values asked for.',
  },
  'sandbox.answer.cycle': {
    ko: '답이 자기 자신을 담고 있습니다 (자기 자신을 원소로 가진 배열이나 객체). 숫자와 배열만 반환하세요.',
    en: 'The answer contains itself (an array or object holding itself). Return plain numbers and arrays.',
  },
  'sandbox.answer.expands': {
    ko: '답이 같은 배열이나 객체를 너무 여러 번 되풀이해서 값이 {max}개를 넘습니다. 필요한 값만 반환하세요.',
    en: 'The answer repeats the same arrays or objects so often that it stands for more than {max} values. Return only the values asked for.',
  },
  'sandbox.answer.deep': {
    ko: '답이 {max}단계보다 깊이 중첩되어 있습니다. 숫자와 배열만 반환하세요.',
    en: 'The answer is nested more than {max} levels deep. Return plain numbers and arrays.',
  },
  'sandbox.answer.garbled': {
    ko: '채점기로 가는 통로에 알 수 없는 바이트가 쓰였습니다 (파일 설명자 3, 4에 직접 쓰지 마세요).',
    en: 'Unreadable bytes arrived on the channel to the grader (do not write to file descriptors 3 and 4).',
  },
  'sandbox.answer.forged': {
    ko: '채점 도구가 보내지 않은 메시지가 왔습니다: 채점기와의 통신을 흉내 내면 그 검사는 0점입니다.',
    en: 'A message arrived that the grading harness did not send: imitating it costs the check its points.',
  },
  'sandbox.answer.malformed': {
    ko: '형식이 잘못된 응답이 왔습니다 (채점 도구의 메시지가 바뀌었습니다).',
    en: "A malformed answer arrived (the harness's message was altered).",
  },
  'sandbox.answer.outOfOrder': {
    ko: '다른 검사에 대한 응답이 왔습니다 (채점 도구의 메시지가 바뀌었습니다).',
    en: "An answer for another check arrived (the harness's messages were altered).",
  },
  'sandbox.bundle.outside': {
    ko: '{file|은} {module|을} 가져오는데, 채점할 때는 이 실습의 학생 파일만 가져올 수 있습니다 (정답 폴더나 다른 파일은 안 됩니다).',
    en: "{file} imports {module}: while grading, only this exercise's student files can be imported (not solution/ or any other file).",
  },
  'sandbox.bundle.package': {
    ko: '{file|은} 패키지 {module|을} 가져오는데, 채점할 때는 @gradschool/autograd, @gradschool/exercise-kit와 Node 내장 모듈만 쓸 수 있습니다.',
    en: "{file} imports the package {module}: while grading, only @gradschool/autograd, @gradschool/exercise-kit and Node's built-in modules are available.",
  },
  'sandbox.bundle.failed': {
    ko: '파일을 실행할 수 있게 변환하지 못했습니다: {error}',
    en: 'Your file could not be prepared to run: {error}',
  },
  'sandbox.check.accessDenied': {
    ko: '채점 중에는 내 실습 밖의 파일을 읽거나, 파일을 쓰거나, 다른 프로세스를 시작하거나 신호를 보낼 수 없습니다 ({what}): {error}',
    en: 'While grading, code may not read files outside your exercise, write files, or start or signal processes ({what}): {error}',
  },
  'sandbox.check.undescribable': {
    ko: '설명할 수 없는 값이 throw 되었습니다 (속성을 읽기만 해도 오류가 나는 값, 예: Proxy). Error 객체를 throw 하세요.',
    en: 'Something was thrown that cannot be described (reading its properties throws, e.g. a Proxy). Throw an Error instead.',
  },
  'sandbox.load.timeout': {
    ko: '{file|을} 불러오는 것이 {seconds}초 안에 끝나지 않았습니다: 파일 맨 위(함수 밖)에 끝나지 않는 반복문이 없는지 보세요.',
    en: 'Loading {file} did not finish in {seconds} s: look for a loop at the top level (outside any function).',
  },
  'core.check.inputFailed': {
    ko: '검사의 입력을 만들지 못했습니다 (강사에게 알려 주세요): {error}',
    en: "Could not build the check's input (please tell your instructor): {error}",
  },
  'core.check.judgeFailed': {
    ko: '반환값을 판정할 수 없습니다 (예상하지 못한 형태일 수 있습니다): {error}',
    en: 'Could not judge the returned value (it may have an unexpected form): {error}',
  },
  'core.check.badVerdict': {
    ko: '판정 결과가 올바르지 않습니다 (강사에게 알려 주세요).',
    en: 'The check returned a malformed verdict (please tell your instructor).',
  },
  'core.check.spawnFailed': {
    ko: '샌드박스 프로세스를 시작하지 못했습니다: {reason}',
    en: 'Could not start the sandbox process: {reason}',
  },
  'core.check.seedFailed': {
    ko: '시드 {seed}에서 실패했습니다 (시드 {runSeed}에서는 통과했습니다). 이 검사는 무작위성에 따라 결과가 달라지므로 시드 {count}개로 채점하며, 모든 시드에서 통과해야 합니다. 다시 실행: `pnpm grade {exercise} --seed {seed}`. {message}',
    en: 'Failed with seed {seed} (it passed with seed {runSeed}). This check depends on randomness, so it is graded with {count} seeds and must pass every one. Rerun it: `pnpm grade {exercise} --seed {seed}`. {message}',
  },
  'core.check.seedFailedHidden': {
    ko: '비공개 추가 시드 중 하나에서 실패했습니다 (비공개 시드에서는 통과했습니다). 이 검사는 무작위성에 따라 결과가 달라지므로 시드 {count}개로 채점하며, 모든 시드에서 통과해야 합니다. {message}',
    en: 'Failed with one of the secret extra seeds (it passed with the secret seed). This check depends on randomness, so it is graded with {count} seeds and must pass every one. {message}',
  },
  'core.check.stopped': {
    ko: '실행하지 않았습니다: 앞의 검사가 실패해서 채점을 멈췄습니다.',
    en: 'Not run: grading stopped at an earlier failing check.',
  },
  'core.check.cancelled': {
    ko: '채점이 취소되었습니다.',
    en: 'Grading was cancelled.',
  },
  'core.output.truncated': {
    ko: '… (출력 {n}자 생략)',
    en: '… ({n} more {n:character|characters} of output)',
  },

  // CLI
  'core.cli.usage': {
    ko: '사용법: pnpm grade [실습 id...] [옵션]',
    en: 'Usage: pnpm grade [exercise id...] [options]',
  },
  'core.cli.help': {
    ko: `사용법: pnpm grade [실습 번호나 id...] [옵션]

  pnpm grade                 터미널에서는 대화형 화면, 아니면(CI, 파이프) 일반 텍스트
  pnpm grade 3               3번 실습 (03과 같음), 또는 id가 3으로 시작하는 실습 (03-soft처럼 앞부분도 됨; 여러 개 가능)
  --watch, -w                저장할 때마다 다시 채점
  --ci                       대화형 화면 없이 일반 텍스트로 출력
  --json FILE                JSON 보고서 (grader/schema/report.schema.json)
  --junit FILE               JUnit XML (검사 하나가 \`<testcase>\` 하나)
  --gradescope FILE          Gradescope results.json
  --seed N                   입력의 시드 (환경 변수 GRADE_SEED, 기본값은 공개 시드 12345)
  --lang ko|en               모든 메시지의 언어 (기본: LANG, 없으면 ko)
  --min-score P              전체 점수가 P% 이상이면 통과(종료 코드 0)
  --typecheck                실행 전에 TypeScript 타입 검사
  --root DIR                 강의 저장소 위치 (기본: exercises/가 있는 가장 가까운 상위 폴더)
  --list                     실습 목록: 제목, 점수, 마지막 채점 결과
  --reset ID [--yes]         실습 ID의 학생 파일을 처음 상태로 되돌림 (지금 파일은 .grade/backup/에 보관)
  --help, -h                 이 도움말
{instructor}
종료 코드: 0 모든 검사 통과(또는 --min-score 충족), 1 통과하지 못한 검사가 있음, 2 사용법·설정 오류`,
    en: `Usage: pnpm grade [exercise number or id...] [options]

  pnpm grade                 the interactive screen on a terminal; plain text otherwise (CI, pipes)
  pnpm grade 3               exercise 3 (as 03 does), or ids that start with 3 (the start of an id works too: 03-soft; several allowed)
  --watch, -w                regrade on save
  --ci                       plain text output, never interactive
  --json FILE                JSON report (grader/schema/report.schema.json)
  --junit FILE               JUnit XML, one testcase per check
  --gradescope FILE          Gradescope results.json
  --seed N                   the inputs' seed (env GRADE_SEED; the public default is 12345)
  --lang ko|en               language of every message (default: from LANG, else ko)
  --min-score P              pass (exit 0) when the total reaches P percent
  --typecheck                type-check the student files before running them
  --root DIR                 the course repository (default: nearest folder up that holds exercises/)
  --list                     the exercises: title, points, status of the last grading
  --reset ID [--yes]         restore exercise ID's student files to the starter (yours are kept in .grade/backup/)
  --help, -h                 this help
{instructor}
Exit codes: 0 every check passed (or --min-score met), 1 some check did not, 2 usage or configuration error`,
  },
  'core.cli.helpInstructor': {
    ko: `
교수자용 (참고 답안이 있는 강의 저장소에서만 보입니다):
  --solutions                src/ 대신 참고 답안(solution/)을 채점
  --submission DIR           DIR에서 매니페스트가 나열한 학생 파일만 가져와 채점
  --batch DIR                DIR의 하위 폴더 하나하나를 제출물로 채점하고 성적표(CSV, JSON) 작성
                             (중간에 멈춘 일괄 채점은 다시 실행하면 멈춘 곳부터 이어서 채점)
  --jobs N                   (--batch) 동시에 채점할 제출물 수 (기본: CPU 코어 수)
  --resume                   (--batch) 이미 채점했고 바뀌지 않은 제출물은 다시 채점하지 않음
                             (다 끝난 일괄 채점에도: 새로 들어온·바뀐 제출물만 채점)
  --roster FILE              (--batch) 명단 CSV(folder, student_id, name 열)로 학번·이름을 붙이고
                             LMS용 gradebook-lms.csv도 작성
  --before TIME              git 저장소인 제출물은 마감 TIME(예: 2026-12-10T23:59+09:00) 전 마지막 커밋을 채점
  --feedback DIR             학생마다 돌려줄 피드백(Markdown, HTML)을 DIR에 작성
`,
    en: `
For instructors (shown only in a course repository with reference solutions):
  --solutions                grade the reference solutions (solution/) instead of src/
  --submission DIR           take only the manifest-listed student files from DIR, and grade them
  --batch DIR                grade every subfolder of DIR as a submission; write a gradebook (CSV + JSON)
                             (run it again after it was stopped: it resumes where it stopped)
  --jobs N                   (--batch) submissions graded at once (default: the number of cores)
  --resume                   (--batch) keep the submissions already graded and unchanged, even after
                             a complete batch: only new or changed ones are graded
  --roster FILE              (--batch) a roster CSV (folder, student_id, name columns): ids and names
                             in the gradebook, and gradebook-lms.csv for the LMS
  --before TIME              for a submission that is a git repository, grade its last commit before
                             TIME (e.g. 2026-12-10T23:59+09:00)
  --feedback DIR             write feedback to hand back, one Markdown and one HTML file per student
`,
  },
  'core.cli.badFlag': {
    ko: '잘못된 옵션: {reason}\n`pnpm grade --help`로 사용법을 확인하세요.',
    en: 'Invalid option: {reason}\nSee `pnpm grade --help`.',
  },
  'core.cli.badSeed': {
    ko: '시드는 0 이상의 정수여야 합니다: "{value}"',
    en: 'The seed must be a non-negative integer: "{value}"',
  },
  'core.cli.badBefore': {
    ko: '--before에는 시간대가 붙은 시각을 주세요 (예: 2026-12-10T23:59+09:00): "{value}"',
    en: '--before takes a time with its zone (e.g. 2026-12-10T23:59+09:00): "{value}"',
  },
  'core.cli.needsBatch': {
    ko: '{flag}는 --batch 또는 --submission과 함께 씁니다.',
    en: '{flag} is for --batch or --submission.',
  },
  'core.cli.needsBatchOnly': {
    ko: '{flag}는 --batch와 함께 씁니다.',
    en: '{flag} is for --batch.',
  },
  'core.cli.badJobs': {
    ko: '--jobs에는 동시에 채점할 제출물 수를 1에서 64 사이의 정수로 주세요: "{value}"',
    en: '--jobs takes how many submissions to grade at once, a whole number from 1 to 64: "{value}"',
  },
  'core.cli.emptySeedSecret': {
    ko: '경고: GRADE_SEED가 설정되어 있지만 비어 있어 공개 시드(12345)로 채점합니다. GitHub Classroom에서는 템플릿 저장소의 시크릿이 학생 저장소로 복사되지 않으니, 조직 시크릿으로 GRADE_SEED를 넣으세요.',
    en: "Warning: GRADE_SEED is set but empty, so grading uses the public seed (12345). GitHub Classroom does not copy a template repository's secrets to students' repositories: add GRADE_SEED as an organisation secret.",
  },
  'core.cli.badLang': {
    ko: '언어는 ko 또는 en이어야 합니다: "{value}"',
    en: 'The language must be ko or en: "{value}"',
  },
  'core.cli.badMinScore': {
    ko: '--min-score는 0에서 100 사이의 숫자(퍼센트)여야 합니다: "{value}"',
    en: '--min-score must be a number from 0 to 100 (percent): "{value}"',
  },
  'core.cli.noMatch': {
    ko: '"{filters}"에 맞는 실습이 없습니다 (번호나 이름의 앞부분: 1, 03, 03-soft). 있는 실습:\n{ids}',
    en: 'No exercise matches "{filters}" (a number or the start of an id: 1, 03, 03-soft). The exercises:\n{ids}',
  },
  'core.cli.noExercises': {
    ko: '{root}에서 실습(exercises/*/exercise.json)을 찾지 못했습니다. 강의 저장소 폴더에서 실행하거나 --root로 알려 주세요.',
    en: 'No exercises (exercises/*/exercise.json) under {root}. Run this in the course repository, or point --root at it.',
  },
  'core.cli.problems': {
    ko: '설정 오류 {n}건:',
    en: '{n} configuration {n:problem|problems}:',
  },
  'core.cli.resetWithOthers': {
    ko: '--reset은 다른 채점 옵션과 함께 쓸 수 없습니다: {flags}. 실습 하나만 지정하세요: pnpm grade --reset 03',
    en: '--reset does not combine with other grading options: {flags}. Name one exercise: pnpm grade --reset 03',
  },
  'core.cli.failed': {
    ko: '채점기 오류: {reason}',
    en: 'Grader error: {reason}',
  },

  // Developer check (verify)
  'core.verify.solutionNotFull': {
    ko: '참고 답안이 시드 {seed}에서 만점이 아닙니다: {check} → {status}: {message}',
    en: 'The reference solution is not 100% with seed {seed}: {check} -> {status}: {message}',
  },
  'core.verify.starterNotTodo': {
    ko: '시작 코드에서 {check|이} 아직 구현 전(`todo`)이 아니라 {status}입니다: {message}',
    en: 'With the starter, {check} is {status}, not todo: {message}',
  },
  'core.verify.starterScores': {
    ko: '시작 코드가 {score}점을 받았습니다 (0점이어야 합니다).',
    en: 'The starter scores {score} (must be 0).',
  },
  'core.verify.mutantSurvives': {
    ko: '변형 {mutant|이} 만점을 받았습니다: 이 실수를 잡는 검사가 없습니다.',
    en: 'Mutant {mutant} scores 100%: no check catches this mistake.',
  },
  'core.verify.noMutants': {
    ko: 'mutants/ 폴더에 변형 패치(mutants/*.patch)가 없습니다.',
    en: 'There are no mutant patches (mutants/*.patch).',
  },
  'core.verify.missingLanguage': {
    ko: '{where}: {lang} 문구가 비어 있습니다.',
    en: '{where}: the {lang} text is empty.',
  },
  'core.verify.noPoints': {
    ko: '검사 {check}의 점수가 1 이상의 수가 아닙니다.',
    en: 'Check {check} has no points (must be at least 1).',
  },
  // Tamper detection (--submission, --batch): the grader's own files changed during a submission.
  'core.tamper.void': {
    ko: '이 제출물을 채점하는 동안 채점기의 파일이 바뀌었습니다: 이 결과는 무효입니다. 바뀐 파일: {files}',
    en: "the grader's files changed while this submission ran: its result is void. Changed: {files}",
  },
  'core.tamper.batchStopped': {
    ko: '일괄 채점을 멈췄습니다: 제출물 {submission|을} 채점하는 동안 채점기의 파일이 바뀌어 이후 결과를 믿을 수 없습니다. 저장소를 git으로 되돌린 뒤 다시 채점하세요. 바뀐 파일: {files}',
    en: "batch stopped: the grader's files changed while submission {submission} ran, so later results cannot be trusted. Restore the repository (git) and grade again. Changed: {files}",
  },
  'core.verify.readmeMissing': {
    ko: 'README.md가 없습니다.',
    en: 'There is no README.md.',
  },
  'core.verify.readmeOmits': {
    ko: 'README.md가 학생 파일의 export {name|을} 언급하지 않습니다.',
    en: 'README.md does not mention {name}, an export of the student file.',
  },
  'core.verify.noSolution': {
    ko: '참고 답안 {file|이} 없습니다.',
    en: 'The reference solution {file} does not exist.',
  },
  'core.verify.valueImportOfStudent': {
    ko: 'checks.ts가 학생 파일을 값으로 import합니다 ("import type"이어야 합니다): 학생 코드가 채점기 안에서 실행됩니다.',
    en: 'checks.ts imports the student file as a value (must be "import type"): student code would run inside the grader.',
  },
  'core.verify.problem': {
    ko: '실습을 실행할 수 없습니다: {message}',
    en: 'The exercise cannot run: {message}',
  },
  'core.verify.hiddenMissing': {
    ko: '매니페스트의 `hidden`이 가리키는 비공개 검사 파일 {path|이} 없습니다.',
    en: 'The hidden checks "{path}" named by the manifest\'s hidden do not exist.',
  },
  'core.verify.hiddenStale': {
    ko: '매니페스트는 비공개 검사 {count}개 {points}점을 알리지만, 파일에는 {actualCount}개 {actualPoints}점이 있습니다. exercise.json의 `hidden.count`와 `hidden.points`를 고치세요 (학생에게 보이는 숫자입니다).',
    en: 'The manifest announces {count} hidden {count:check|checks} worth {points} {points:point|points}, the module holds {actualCount} worth {actualPoints}. Fix hidden.count and hidden.points in exercise.json (students see these numbers).',
  },
  'core.verify.publicSolutionImport': {
    ko: '공개 채점 파일 {file|이} solution/의 {name|을} 불러옵니다: 학생에게 정답이 그대로 보입니다. 이 판정을 비공개 검사(exercise.json의 `hidden`)로 옮기세요.',
    en: 'The public checks {file} import {name} from solution/: students receive the answer. Move this judge into the hidden checks (hidden in exercise.json).',
  },
  'core.verify.publicReference': {
    ko: '공개 채점 파일 {file}에 학생이 구현할 함수와 같은 이름의 {name|이} 있습니다: 정답을 직접 계산하는 판정이라면 학생에게 정답이 보입니다. 비공개 검사(exercise.json의 `hidden`)로 옮기는 것을 고려하세요.',
    en: 'The public checks {file} define or call {name}, the name of a function students write: a judge that computes the answer hands it to them. Consider moving it into the hidden checks (hidden in exercise.json).',
  },
  'core.verify.typeError': {
    ko: '타입 오류: {error}',
    en: 'Type error: {error}',
  },
  'core.verify.lintError': {
    ko: '린트 오류 (pnpm lint): {error}',
    en: 'Lint error (pnpm lint): {error}',
  },
  'core.verify.lintUnavailable': {
    ko: '린터(Biome)를 실행하지 못했습니다: {reason}',
    en: 'Could not run the linter (Biome): {reason}',
  },
  'core.verify.warning': {
    ko: '{id}: 경고 {n}건',
    en: '{id}: {n} {n:warning|warnings}',
  },
  'core.verify.usage': {
    ko: '사용법: pnpm verify [실습 id...] [--lang ko|en] [--root 폴더] [--no-lint]\n  실습마다 참고 답안 100%, 시작 코드 0점, 모든 변형이 잡히는지, 타입 검사와 린트(Biome)를 확인합니다.\n  id 없이: 모든 실습. 종료 코드: 0 모두 통과, 1 문제 있음, 2 잘못된 사용법이나 매니페스트.',
    en: 'Usage: pnpm verify [exercise id...] [--lang ko|en] [--root DIR] [--no-lint]\n  Per exercise: the solution scores 100%, the starter 0, every mutant is caught, types check and Biome passes.\n  No id: every exercise. Exit code: 0 all good, 1 a problem, 2 a usage error or a broken manifest.',
  },
  'core.verify.badUsage': {
    ko: '잘못된 사용법입니다: {reason}',
    en: 'Bad usage: {reason}',
  },
  'core.verify.unknownOption': {
    ko: '알 수 없는 옵션입니다: {option}',
    en: 'Unknown option: {option}',
  },
  'core.verify.missingValue': {
    ko: '옵션 {option}에는 값이 필요합니다',
    en: 'The option {option} needs a value',
  },
  'core.verify.unknownId': {
    ko: '{filter|과} 맞는 실습이 없습니다. 있는 실습: {known}',
    en: 'No exercise matches "{filter}". The exercises: {known}',
  },
  'core.verify.ok': {
    ko: '{id}: 모든 확인 통과 (답안 100%, 시작 코드 0점, 변형 {mutants}개 모두 잡힘)',
    en: '{id}: all good (solution 100%, starter 0, every one of {mutants} {mutants:mutant|mutants} caught)',
  },
  'core.verify.failed': {
    ko: '{id}: 문제 {n}건',
    en: '{id}: {n} {n:problem|problems}',
  },

  // pnpm grade --list
  'core.list.title': {
    ko: '실습 {n}개 (상태는 이 컴퓨터에서 마지막으로 채점한 결과입니다):',
    en: '{n} {n:exercise|exercises} (the status is from the last grading on this computer):',
  },
  'core.list.notGraded': { ko: '아직 채점하지 않음', en: 'not graded yet' },
  'core.list.changed': { ko: '채점 뒤에 수정함', en: 'changed since' },
  'core.list.checks': {
    ko: '검사 {passed}/{total}개 통과',
    en: '{passed}/{total} {total:check|checks} passed',
  },
  'core.list.next': {
    ko: '한 실습만 채점하려면: pnpm grade 03 · 처음 상태로 되돌리려면: pnpm grade --reset 03',
    en: 'To grade one exercise: pnpm grade 03 · to restore its starter: pnpm grade --reset 03',
  },

  // pnpm grade --reset ID
  'core.reset.ambiguous': {
    ko: '"{filter}"에 맞는 실습이 여러 개입니다. 하나만 지정하세요:\n{ids}',
    en: '"{filter}" matches several exercises. Name exactly one:\n{ids}',
  },
  'core.reset.noStarter': {
    ko: '{file}의 처음 상태를 찾지 못했습니다: {stored|이} 없고, git이 기억하는 파일도 아닙니다. 강사에게 시작 파일을 받아 {file}에 덮어쓰세요.',
    en: 'Cannot find the starter of {file}: there is no {stored}, and git does not track the file. Ask your instructor for the starter and copy it over {file}.',
  },
  'core.reset.already': {
    ko: '{id}: 학생 파일이 이미 처음 상태입니다. 바꾼 것이 없습니다.',
    en: '{id}: the student files are already the starter. Nothing changed.',
  },
  'core.reset.plan': {
    ko: '{id}의 학생 파일을 처음 상태로 되돌립니다 (출처: {source}):\n{files}\n지금 파일은 {backup}에 보관합니다.',
    en: 'This restores the starter of {id} (from {source}):\n{files}\nYour files are kept in {backup}.',
  },
  'core.reset.sourceStored': { ko: '내보낼 때 저장한 사본 {dir}', en: 'the copy the export stored, {dir}' },
  'core.reset.sourceGit': { ko: 'git의 HEAD', en: "git's HEAD" },
  'core.reset.confirm': { ko: '계속할까요? [y/N] ', en: 'Go ahead? [y/N] ' },
  'core.reset.declined': {
    ko: '그만두었습니다. 아무것도 바꾸지 않았습니다.',
    en: 'Stopped. Nothing changed.',
  },
  'core.reset.noTerminal': {
    ko: '되돌리기 전에 확인을 받아야 하는데, 입력이 터미널이 아닙니다. 스크립트에서는 --yes를 붙이세요: pnpm grade --reset {filter} --yes',
    en: 'Resetting asks for confirmation, and the input is not a terminal. In a script, add --yes: pnpm grade --reset {filter} --yes',
  },
  'core.reset.done': {
    ko: '✓ {id|을} 처음 상태로 되돌렸습니다. 지금까지의 파일은 {backup}에 있습니다.',
    en: '✓ Restored the starter of {id}. Your previous files are in {backup}.',
  },
  'core.reset.failed': {
    ko: '{file|을} 되돌리지 못했습니다: {reason}',
    en: 'Could not restore {file}: {reason}',
  },
} satisfies Record<string, Localized>;
