/**
 * How much of an answer the judge helpers look at, and how they say so when an answer goes past it.
 *
 * Why: judges run in the grader's own process on whatever the student's probe returned, and that
 * crosses the sandbox by structured clone, which keeps shared references and cycles. A 1 KB answer
 * (`let v = 1; for (let i = 0; i < 40; i++) v = [v, v]; return v;`) is a tree of 2^40 numbers when
 * walked naively: the grader ran out of memory after 20 s. A cycle (`a.push(a)`) never ends at all.
 * So every helper that walks an answer (`toNumeric`, `render`, `expectEqual`, ...) counts what it
 * looks at in a `Budget`, reports a cycle instead of following it, and stops at `MAX_DEPTH` levels.
 */

import type { Localized } from './protocol.js';

/**
 * How many elements (array elements at every level, object keys) a helper looks at in one answer
 * before it gives up with a "too large to judge" verdict. A shared row counts each time it appears:
 * `[row, row]` is 2 rows and their numbers twice.
 *
 * Why this number: the course's largest answers (a training run's weights and losses, a batch of
 * softmax rows) hold a few thousand numbers, so 4 million leaves three orders of magnitude of room.
 * What it costs at most, measured on Node 20 with a [1000, 3999] array of numbers (4 million
 * elements): `toNumeric` 14 ms on an idle core and up to 190 ms on a busy shared one, plus a 32 MB
 * copy of the numbers; `expectEqual` on the 2^40 doubling answer walks its 4 million elements in
 * about 300 ms on the busy machine before it says "too large". Either way well inside a check's time,
 * where the unbounded walk took 20 s and then the grader's whole heap.
 */
export const MAX_ELEMENTS = 4_000_000;

/**
 * How many levels of nesting a helper follows. A tensor has a handful of axes (numpy allows 64);
 * anything deeper is not an answer the course asks for, and recursion must stay far from the stack's end.
 */
export const MAX_DEPTH = 64;

/**
 * Counts the elements a helper has looked at. Pass one to a helper (`{ budget }`, or the last argument
 * of `toNumeric`, `render`, ...) to allow more than `MAX_ELEMENTS`, a test to allow fewer, or to see
 * afterwards how much work a value took.
 *
 * @example
 * ```ts
 * const budget = new Budget(1000);
 * expectClose(got, expected, { budget }); // a fail "too large to judge" past 1000 elements
 * budget.used;                            // how many were looked at
 * ```
 */
export class Budget {
  /** Elements looked at (or paid for ahead of a walk) so far; never more than `limit`. */
  used = 0;
  private over = false;

  /** `limit`: how many elements may be looked at (default `MAX_ELEMENTS`). */
  constructor(readonly limit: number = MAX_ELEMENTS) {}

  /**
   * Pays for `n` more elements. `false`, paying nothing, when that would pass `limit`: the caller
   * then stops with a "too large" verdict (and the budget stays `exhausted`).
   */
  spend(n = 1): boolean {
    if (this.over || this.used + n > this.limit) {
      this.over = true;
      return false;
    }
    this.used += n;
    return true;
  }

  /** How many more elements may be paid for. */
  get left(): number {
    return this.limit - this.used;
  }

  /** True once a `spend` was refused. */
  get exhausted(): boolean {
    return this.over;
  }
}

/**
 * Why a helper stopped before the end of an answer. `path` says where, as in messages (`[0][1].w`).
 * - `cycle`: the value at `path` is one of the arrays or objects around it (a cycle);
 * - `too-large`: more than `limit` elements;
 * - `too-deep`: more than `limit` levels of nesting at `path`.
 */
export type WalkProblem =
  | { kind: 'cycle'; path: string }
  | { kind: 'too-large'; limit: number }
  | { kind: 'too-deep'; limit: number; path: string };

/** `4000000` -> `4,000,000`. */
const count = (n: number) => n.toLocaleString('en-US');

/**
 * What `problem` means, for a student, in both languages; `expectedShape` (`[4, 2]`) is added to a
 * "too large" message when the helper knows it. Judge helpers put it in a failing verdict.
 *
 * @example
 * ```ts
 * problemMessage({ kind: 'too-large', limit: 4_000_000 }, [4, 2]).en;
 * // 'the answer is too large to judge: more than 4,000,000 elements (expected shape [4, 2]).'
 * ```
 */
export function problemMessage(problem: WalkProblem, expectedShape?: readonly number[]): Localized {
  switch (problem.kind) {
    case 'cycle':
      return {
        ko: `답 안에 자기 자신이 들어 있습니다(순환): 위치 ${problem.path}의 값이 그것을 감싼 배열이나 객체 자신입니다.`,
        en: `the answer contains itself (a cycle) at ${problem.path}: the value there is an array or object that encloses it.`,
      };
    case 'too-large': {
      const shape = expectedShape ? `[${expectedShape.join(', ')}]` : '';
      return {
        ko: `답이 너무 커서 채점할 수 없습니다: 원소가 ${count(problem.limit)}개를 넘습니다${shape ? ` (기대한 모양 ${shape})` : ''}.`,
        en: `the answer is too large to judge: more than ${count(problem.limit)} elements${shape ? ` (expected shape ${shape})` : ''}.`,
      };
    }
    case 'too-deep':
      return {
        ko: `답이 너무 깊이 중첩되어 채점할 수 없습니다: 위치 ${problem.path}에서 ${problem.limit}단계를 넘습니다.`,
        en: `the answer is nested too deeply to judge: more than ${problem.limit} levels at ${problem.path}.`,
      };
  }
}
