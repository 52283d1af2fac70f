/**
 * `pnpm verify`'s messages about mutant patches (`dev/mutant-patch.ts`): what is wrong with a patch
 * before it is graded, and what to do about it. Instructor-facing, in Korean and English like every
 * other string of the catalog.
 */
import type { Localized } from '@gradschool/exercise-kit';

export const mutants = {
  'core.verify.mutantNoDescription': {
    ko: '변형 패치 {mutant}에 설명이 없습니다: diff 위 첫 줄에 이 변형이 심는 실수를 한 문장으로 적으세요.',
    en: 'The mutant patch {mutant} has no description: above the diff, write one line saying which mistake it plants.',
  },
  'core.verify.mutantMalformed': {
    ko: '변형 패치 {mutant|을} unified diff로 읽을 수 없습니다 ({reason}). 답안을 고친 뒤 git diff 로 다시 만드세요.',
    en: 'The mutant patch {mutant} is not a unified diff that can be read ({reason}). Plant the mistake in the solution and regenerate it with git diff.',
  },
  'core.verify.mutantEmpty': {
    ko: '변형 패치 {mutant}에 diff가 없습니다 (hunk "@@ ... @@"가 하나도 없습니다). 답안을 고친 뒤 git diff 의 출력을 설명 줄 아래에 붙이세요.',
    en: 'The mutant patch {mutant} holds no diff (not one "@@ ... @@" hunk). Plant the mistake in the solution and paste the output of git diff under the description line.',
  },
  'core.verify.mutantWrongTarget': {
    ko: '변형 패치 {mutant|이} 답안 파일({solution})이 아니라 {target|을} 고칩니다. 이 실습의 solution/ 파일에 대한 diff여야 합니다.',
    en: "The mutant patch {mutant} changes {target}, not the solution's file ({solution}). It must be a diff of this exercise's solution/ file.",
  },
  'core.verify.mutantDrifted': {
    ko: '변형 패치 {mutant|이} 더 이상 {file}에 적용되지 않습니다: hunk {hunk}의 줄이 답안과 맞지 않습니다. 패치를 만든 뒤 답안이 바뀌었습니다. 지금 답안에 같은 실수를 다시 심고 git diff 로 패치를 다시 만드세요 (docs/instructors.md 참고).',
    en: 'The mutant patch {mutant} no longer applies to {file}: hunk {hunk} does not match the solution. The solution changed since the patch was made: plant the same mistake in the solution as it is now and regenerate the patch with git diff (see docs/instructors.md).',
  },
  'core.verify.mutantNoop': {
    ko: '변형 패치 {mutant|은} 적용되지만 {solution}에서 아무것도 바꾸지 않습니다: 심은 실수가 없습니다.',
    en: 'The mutant patch {mutant} applies but changes nothing in {solution}: it plants no mistake.',
  },
  'core.verify.mutantBroken': {
    ko: '변형 {mutant|은} 불러오지도 못해서 검사에 대해 아무것도 보여 주지 않습니다 (실행되는 실수를 심어야 합니다): {message}',
    en: 'The mutant {mutant} does not even load, so it proves nothing about the checks (it must plant a mistake that runs): {message}',
  },
  'core.verify.mutantNotPatch': {
    ko: '{mutant|은} 답안의 사본(.ts)입니다: 변형은 이제 패치(mutants/<이름>.patch)이고 .ts 파일은 읽지 않습니다. git diff --no-index 로 패치로 바꾸고 .ts 파일을 지우세요.',
    en: '{mutant} is a copy of the solution (.ts): mutants are patches now (mutants/<name>.patch) and .ts files are not read. Turn it into a patch with git diff --no-index and delete the .ts file.',
  },
} satisfies Record<string, Localized>;
