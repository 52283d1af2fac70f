/**
 * From what came back to a `CheckResult`: the judge's verdict for a value, the grader's own
 * explanation for everything else (a throw, `process.exit`, a timeout, a crash, running out of
 * memory, a malformed answer). Nothing here ever turns a missing answer into a pass.
 */
import type { Check, CheckContext, Lang, Localized, Verdict } from '@gradschool/exercise-kit';
import { both, t } from '../i18n/index.js';
import type { SerializedError } from '../sandbox/messages.js';
import type { Outcome } from '../sandbox/sandbox.js';
import { checkedTable, checkPictures } from './pictures.js';
import { roundScore } from './score.js';
import type { CheckStatus } from './types.js';

/** The part of a `CheckResult` decided here (the caller adds id, title, timing). */
export interface Decision {
  status: CheckStatus;
  score: number;
  message: Localized;
  expected?: string;
  got?: string;
  chart?: Verdict['chart'];
  table?: Verdict['table'];
  /** The verdict's pictures that keep the kit's contract (`pictures.ts`); none: no field. */
  pictures?: Verdict['pictures'];
  /** How many of the verdict's pictures were dropped as malformed or too many. */
  picturesDropped?: number;
}

/** How to name the student's file in messages (repository-relative) and find it in stack traces. */
export interface StudentFile {
  absolute: string;
  shownAs: string;
}

/** A frame of a stack in the student's file: where (as shown), and the function when V8 named it. */
export interface StudentFrame {
  where: string;
  fn?: string;
}

/**
 * The frames of `stack` in the student's file, innermost first: `at forward (/…/src/mlp.ts:61:27)`
 * gives `{ where: 'src/mlp.ts:61:27', fn: 'forward' }` (a receiver's type such as `Object.` or
 * `Module.` is dropped; an anonymous function has no `fn`).
 */
export function studentFrames(stack: string | undefined, file: StudentFile): StudentFrame[] {
  if (!stack) return [];
  const absolute = file.absolute.replaceAll('\\', '/');
  const frames: StudentFrame[] = [];
  for (const line of stack.split('\n')) {
    let normalized: string;
    try {
      normalized = decodeURIComponent(line.replace('file://', '')).replaceAll('\\', '/');
    } catch {
      continue; // not a frame Node wrote (a `%` that decodes to nothing)
    }
    const at = normalized.indexOf(absolute);
    if (at < 0) continue;
    const match = /^:(\d+):(\d+)/.exec(normalized.slice(at + absolute.length));
    if (!match) continue;
    const name = /^\s*at (?:async )?(.+?) \($/.exec(normalized.slice(0, at))?.[1];
    const fn = name?.replace(/^(?:Object|Module)\./, '');
    frames.push({ where: `${file.shownAs}:${match[1]}:${match[2]}`, ...(fn ? { fn } : {}) });
  }
  return frames;
}

/** Where in the student's file an error was thrown (`src/x.ts:3:11`), or null when not there. */
export function whereInStudentFile(stack: string | undefined, file: StudentFile): string | null {
  return studentFrames(stack, file)[0]?.where ?? null;
}

/** `RangeError: bad (src/x.ts:3:11)`: an error in one line, with where it came from when known. */
export function errorText(error: SerializedError, file: StudentFile): string {
  const text = error.name === 'non-error' ? error.message : `${error.name}: ${error.message}`;
  const where = whereInStudentFile(error.stack, file);
  return where ? `${text} (${where})` : text;
}

/** The message for an error that escaped student code. */
export function errorMessage(error: SerializedError, file: StudentFile): Localized {
  if (error.exitCode !== undefined) return both('core.check.exitCalled', { code: error.exitCode });
  if (error.returnedPromise !== undefined)
    return error.returnedPromise === null
      ? both('core.check.returnedPromiseUnknown')
      : both('core.check.returnedPromise', { call: `\`${error.returnedPromise}\`` });
  if (error.unclonable) return both('core.check.unclonable', { error: error.message });
  if (error.undescribable) return both('sandbox.check.undescribable');
  if (error.code === 'ERR_ACCESS_DENIED')
    return both('sandbox.check.accessDenied', { what: error.denied ?? '', error: errorText(error, file) });
  const text = error.name === 'non-error' ? error.message : `${error.name}: ${error.message}`;
  const frames = studentFrames(error.stack, file);
  const top = frames[0];
  if (!top) return both('core.check.threw', { error: text });
  // The function the check called is the outermost of the student's frames: when the error came
  // from a helper it called (backward → forward), the helper is named as the place to look.
  const caller = frames.at(-1)?.fn;
  if (top.fn && caller && caller !== top.fn)
    return both('core.check.threwInHelper', { error: text, where: top.where, fn: top.fn, caller });
  if (top.fn) return both('core.check.threwIn', { error: text, where: top.where, fn: top.fn });
  return both('core.check.threwAt', { error: text, where: top.where });
}

/** The `todo` decision for a stub's `NotImplemented` (`"softmax: not implemented yet"` names it). */
export function todo(error: SerializedError | undefined, fallback: Localized): Decision {
  const name = error?.message.split(':')[0]?.trim();
  return { status: 'todo', score: 0, message: name ? both('core.check.todo', { what: name }) : fallback };
}

const error = (message: Localized): Decision => ({ status: 'error', score: 0, message });

/** True for a verdict a judge may return (anything else is the check author's bug, so `error`). */
function isVerdict(v: unknown): v is Verdict {
  if (typeof v !== 'object' || v === null) return false;
  const { pass, message } = v as Partial<Verdict>;
  return typeof pass === 'boolean' && typeof message?.ko === 'string' && typeof message?.en === 'string';
}

/** Points earned: the verdict's `score`, else its `fraction` of the points, else all or nothing. */
function pointsOf(verdict: Verdict, points: number): number {
  const raw =
    typeof verdict.score === 'number'
      ? verdict.score
      : typeof verdict.fraction === 'number'
        ? verdict.fraction * points
        : verdict.pass
          ? points
          : 0;
  if (!Number.isFinite(raw)) return 0;
  return roundScore(Math.min(points, Math.max(0, raw)));
}

/** A time limit in seconds as people say it: `20`, `0.4`, `1.5` (not `20000ms`). */
export function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/** Decides one check from its probe's outcome. */
export function decide(
  check: Check<unknown, unknown, unknown>,
  outcome: Outcome,
  input: unknown,
  ctx: CheckContext,
  file: StudentFile,
  memoryMb: number,
): Decision {
  switch (outcome.kind) {
    case 'timeout':
      return {
        status: 'timeout',
        score: 0,
        message: both('core.check.timeout', { seconds: seconds(outcome.ms) }),
      };
    case 'crashed':
      return error(
        outcome.outOfMemory
          ? both('core.check.outOfMemory', { mb: memoryMb })
          : both('core.check.crashed', { how: outcome.how }),
      );
    case 'bad-answer':
      return error({
        ko: t('core.check.badAnswer', 'ko', { reason: outcome.reason.ko }),
        en: t('core.check.badAnswer', 'en', { reason: outcome.reason.en }),
      });
    case 'threw':
      if (outcome.error.notImplemented)
        return todo(outcome.error, both('core.check.todo', { what: check.id }));
      return error(errorMessage(outcome.error, file));
    case 'value': {
      const escaped = outcome.unhandled[0];
      if (escaped?.exitCode !== undefined) return error(errorMessage(escaped, file));
      if (escaped) return error(both('core.check.unhandled', { error: errorText(escaped, file) }));
      let verdict: unknown;
      try {
        verdict = check.judge(outcome.value, input, ctx);
      } catch (e) {
        return error(both('core.check.judgeFailed', { error: e instanceof Error ? e.message : String(e) }));
      }
      if (!isVerdict(verdict)) return error(both('core.check.badVerdict'));
      const score = pointsOf(verdict, check.points);
      const { pictures, dropped } = checkPictures(verdict.pictures);
      const extras = {
        expected: verdict.expected,
        got: verdict.got,
        chart: verdict.chart,
        table: checkedTable(verdict.table),
        pictures: pictures.length > 0 ? pictures : undefined,
        picturesDropped: dropped > 0 ? dropped : undefined,
      };
      const defined = Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined));
      return { status: verdict.pass ? 'pass' : 'fail', score, message: verdict.message, ...defined };
    }
  }
}

/** The check's output as shown: the kept text, plus a note of how much was cut. */
export function shownOutput(captured: { output: string; droppedChars: number }, lang: Lang): string {
  if (captured.droppedChars <= 0) return captured.output;
  return `${captured.output}${captured.output.endsWith('\n') ? '' : '\n'}${t('core.output.truncated', lang, { n: captured.droppedChars })}`;
}
