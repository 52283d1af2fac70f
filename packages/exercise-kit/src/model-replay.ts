/**
 * Replaying a student's training with the trusted engine, in the grader. Where training is
 * deterministic given a seed (the engine draws every random number from it), the judge trains the
 * model the student's data describes from that seed for as many epochs as `history.loss` holds, and
 * the student's loss history and final weights must be the replay's: made-up histories and hand-set
 * weights that merely solve the task do not pass as trained. Accuracy and loss are then measured on
 * the replay, never asked of the student's objects.
 *
 * Cost: one epoch of a small model on a small batch is a few microseconds once V8 has compiled the
 * engine (a 2-5-2 model on XOR: 5–10 µs), but the first replays in a grader process also pay that
 * compilation, about 0.25 s of CPU on the course's 2-core machine. Cap the epochs, say so in the
 * README, and measure the judge.
 *
 * @example
 * ```ts
 * import * as engine from '@gradschool/autograd';
 * const replay = replayFit(engine, data, { seed, x, y, epochs: loss.length });
 * if ('problem' in replay) return fail(replay.problem);
 * const same = expectReplayed({ loss, weights: data.weights }, replay, { call: `trainXor(${seed})`, how, hints });
 * if (!same.pass) return same;
 * const accuracy = accuracyOf(replay.model.predict(x).toArray());
 * ```
 */
import type * as Autograd from '@gradschool/autograd';
import { fail, firstDifference, pass } from './judge.js';
import { problemMessage } from './limits.js';
import type { ModelData, WeightData } from './model-data.js';
import { buildModel, expectWeights, type ModelEngine, weightsOf } from './model-rebuild.js';
import { withParticle } from './particle.js';
import type { Localized, Verdict } from './protocol.js';
import { renderNumber } from './render.js';

/** A training run of the judge: the trained model and its `history.loss`. */
export interface Replay {
  model: Autograd.Sequential;
  loss: number[];
}

/** What to replay: the seed the model's weights come from, the data, and how long. */
export interface ReplaySpec {
  seed: number;
  x: number[][];
  y: number[][];
  epochs: number;
}

/**
 * Replays done already, per engine, by what decides them (layers, compile settings, seed, data,
 * epochs): the engine is deterministic, so the same run trains to the same model. A judge reads a
 * replay's model and never trains it further. Why: in watch mode every regrade asks for the same
 * replays (same seed), and 04's three XOR runs cost ~80 ms of the grader's time each regrade.
 */
const replays = new WeakMap<ModelEngine, Map<string, Replay>>();

/** How many replays are kept per engine (oldest dropped first): a regrade of the course needs ~10. */
const MAX_CACHED_REPLAYS = 64;

/**
 * `data`'s model (its layers and compile settings, not its weights) built as `new Sequential({ seed })`
 * (or `setSeed(seed)` then `new Sequential()`) builds it, then trained by one
 * `fit(x, y, { epochs, verbose: 0 })` with `fit`'s other defaults.
 */
export function replayFit(
  engine: ModelEngine,
  data: ModelData,
  spec: ReplaySpec,
): Replay | { problem: Localized } {
  // The same run asked again (every regrade of watch mode uses the same seed) is not trained again.
  const key = JSON.stringify({ layers: data.layers, compile: data.compile, spec });
  const cache = replays.get(engine) ?? new Map<string, Replay>();
  replays.set(engine, cache);
  const known = cache.get(key);
  if (known) return known;
  const built = buildModel(engine, data, { initialize: { seed: spec.seed }, compile: true });
  if ('problem' in built) return built;
  try {
    const history = built.model.fit(spec.x, spec.y, { epochs: spec.epochs, verbose: 0 });
    const replay = { model: built.model, loss: history.loss };
    if (cache.size >= MAX_CACHED_REPLAYS) cache.delete(cache.keys().next().value as string);
    cache.set(key, replay);
    return replay;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      problem: {
        ko: `채점기가 이 모델의 학습을 다시 해 볼 수 없습니다: ${why}`,
        en: `the grader cannot replay this model's training: ${why}`,
      },
    };
  }
}

export interface ReplayedOptions {
  /** The student's call, e.g. `trainXor(7)`. */
  call: string;
  /** How the judge replayed it, e.g. `setSeed(7), makeModel(), fit(XOR_X, XOR_Y, { epochs: 3000 })`. */
  how: Localized;
  /** What to try when the very first loss differs (the initial weights), and when a later one does. */
  hints: { start: Localized; later: Localized };
}

/**
 * Passes when the claimed run is the replay: every epoch's loss (rtol 1e-6, atol 1e-9), then every
 * final weight. The message names the first epoch (or weight) that differs, expected vs got, and how
 * the judge replayed the run.
 */
export function expectReplayed(
  claimed: { loss: readonly number[]; weights: readonly WeightData[] },
  replay: Replay,
  opts: ReplayedOptions,
): Verdict {
  const { call, how, hints } = opts;
  const diff = firstDifference(claimed.loss, replay.loss, 1e-6, 1e-9);
  if (diff && 'kind' in diff) {
    const why =
      diff.kind === 'not-numeric'
        ? { ko: '숫자 배열이 아닙니다', en: 'it is not an array of numbers' }
        : problemMessage(diff, [replay.loss.length]);
    return fail({
      ko: `${call}: history.loss를 읽을 수 없습니다: ${why.ko}`,
      en: `${call}: history.loss cannot be read: ${why.en}`,
    });
  }
  if (diff) {
    const epoch = (diff.index[0] ?? 0) + 1;
    const [want, got] = [renderNumber(diff.expected), renderNumber(diff.got)];
    const hint = epoch === 1 ? hints.start : hints.later;
    return fail(
      {
        ko: `${call}: ${epoch}번째 Epoch의 history.loss로 ${withParticle(want, '을')} 기대했지만 ${withParticle(got, '이')} 나왔습니다 (채점기의 재현: ${how.ko}). ${hint.ko}`,
        en: `${call}: history.loss at epoch ${epoch} should be ${want}, got ${got} (the grader's replay: ${how.en}). ${hint.en}`,
      },
      { expected: want, got },
    );
  }
  const weights = expectWeights(claimed.weights, weightsOf(replay.model), {
    rtol: 1e-6,
    atol: 1e-9,
    what: {
      ko: `${call}의 학습 뒤 가중치 (채점기의 재현: ${how.ko})`,
      en: `the weights after ${call} (the grader's replay: ${how.en})`,
    },
  });
  if (!weights.pass)
    return {
      ...weights,
      message: {
        ko: `${weights.message.ko} 학습한 바로 그 모델을, 학습이 끝난 그대로 돌려주세요.`,
        en: `${weights.message.en} Return the model you trained, as training left it.`,
      },
    };
  return pass({
    ko: `${call}: 채점기가 똑같이 다시 학습한 결과와 같습니다.`,
    en: `${call}: the grader's replay of the training matches.`,
  });
}
