/**
 * The training checks of 01-perceptron: the whole `train` replayed draw by draw, AND and OR learned
 * from many seeds, and XOR never learned (the lecture's point: one layer cannot separate it).
 * Judges trust data: `train` returns plain numbers, and where it claims to have learned a gate the
 * judge measures its final weights on the gate itself; the XOR history, which claims no learning, is
 * replayed by the judge round by round.
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  type Chart,
  type Check,
  expectClose,
  fail,
  pass,
  render,
  type Verdict,
  withParticle,
} from '@gradschool/exercise-kit';
import type * as Student from '../src/perceptron.js';
import { accuracyOf, GATES, trainOf, type Weights } from './replay.js';

type Gate = keyof typeof GATES;

/** One verdict per run: its first failure, else a pass. */
const firstFailure = (verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.pass) ?? pass();
type Run = { accuracy: number[]; weights?: unknown } | undefined;

/** Rounds within which AND and OR must be learned at lr 0.05 (the worst of 200 000 random starts took 44). */
export const MAX_ROUNDS = 60;
const LR = 0.05;

/** Seeds derived from the check's seed, one per run. */
const seedsFrom = (seed: number, count: number): number[] => {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => rng.int(2 ** 31));
};

/** Calls the student's `train` with a fresh `Rng(seed)`; keeps only plain data. */
function runTrain(student: typeof Student, gate: Gate, seed: number, epochs: number, lr = LR) {
  const rng = new Rng(seed);
  const result = student.train(GATES[gate], { lr, epochs, rng: () => rng.next() });
  return { weights: result?.weights, accuracy: result?.accuracy };
}

/** The accuracy curves of the first few runs, for the UI. */
function chartOf(runs: Run[], names: string[]): Chart {
  return {
    title: { ko: '라운드별 정답률', en: 'Accuracy per round' },
    series: runs.slice(0, 4).map((run, i) => ({
      name: names[i] ?? `run ${i + 1}`,
      values: Array.isArray(run?.accuracy) ? run.accuracy : [],
    })),
  };
}

/** `accuracy` must be an array of `epochs` numbers. */
function badHistory(run: Run, epochs: number, call: string): Verdict | null {
  const acc = run?.accuracy;
  if (Array.isArray(acc) && acc.length === epochs && acc.every((a) => typeof a === 'number')) return null;
  return fail(
    {
      ko: `${call}: \`accuracy\`는 라운드마다 하나씩, 숫자 ${epochs}개여야 하는데 ${withParticle(render(acc), '이')} 나왔습니다.`,
      en: `${call}: accuracy should hold ${epochs} numbers, one per round, got ${render(acc)}.`,
    },
    { expected: `accuracy.length === ${epochs}`, got: render(acc) },
  );
}

const replayCheck: Check<typeof Student, { gate: Gate; seed: number; epochs: number }[], Run[]> = {
  id: 'train-replay',
  title: {
    ko: 'train: 초기값부터 마지막 라운드까지 그대로 재현',
    en: 'train: replayed from the first draw to the last round',
  },
  points: 3,
  input: (ctx) => {
    const [a = 1, b = 2] = seedsFrom(ctx.seed, 2);
    return [
      { gate: 'AND', seed: a, epochs: 30 },
      { gate: 'OR', seed: b, epochs: 30 },
    ];
  },
  probe: (student, cases) => cases.map(({ gate, seed, epochs }) => runTrain(student, gate, seed, epochs)),
  judge: (got, cases) => {
    const verdict = allOf(
      cases.map(({ gate, seed, epochs }, i) => {
        const rng = new Rng(seed);
        const want = trainOf(GATES[gate], LR, epochs, () => rng.next());
        const g = got[i] as { weights?: { w?: unknown; b?: unknown }; accuracy?: unknown } | undefined;
        const call = `train(${gate}, { lr: ${LR}, epochs: ${epochs}, rng: Rng(${seed}) })`;
        return firstFailure([
          expectClose(g?.accuracy, want.accuracy, {
            rtol: 1e-12,
            what: { ko: `${call}의 라운드별 정답률`, en: `the accuracy per round of ${call}` },
          }),
          expectClose(g?.weights?.w, want.weights.w, {
            rtol: 1e-12,
            what: { ko: `${call}의 마지막 w`, en: `the final w of ${call}` },
          }),
          expectClose(g?.weights?.b, want.weights.b, {
            rtol: 1e-12,
            what: { ko: `${call}의 마지막 b`, en: `the final b of ${call}` },
          }),
        ]);
      }),
    );
    return {
      ...verdict,
      chart: chartOf(
        got,
        cases.map((c) => `${c.gate} seed ${c.seed}`),
      ),
    };
  },
};

/** AND or OR must reach 100% within MAX_ROUNDS rounds and stay there, from every seed. */
function learnsCheck(gate: 'AND' | 'OR'): Check<typeof Student, number[], Run[]> {
  const epochs = 100;
  return {
    id: `learns-${gate.toLowerCase()}`,
    title: {
      ko: `${gate} 게이트를 학습률 0.05로 ${MAX_ROUNDS}라운드 안에 학습 (시드 12개)`,
      en: `Learns the ${gate} gate at learning rate 0.05 within ${MAX_ROUNDS} rounds (12 seeds)`,
    },
    points: 2,
    input: (ctx) => seedsFrom(ctx.seed, 12),
    probe: (student, seeds) => seeds.map((seed) => runTrain(student, gate, seed, epochs)),
    judge: (got, seeds) => {
      let slowest = 0;
      const verdicts = seeds.map((seed, i) => {
        const call = `train(${gate}, { lr: ${LR}, epochs: ${epochs}, rng: Rng(${seed}) })`;
        const bad = badHistory(got[i], epochs, call);
        if (bad) return bad;
        const acc = got[i]!.accuracy;
        const first = acc.indexOf(1);
        const lost = first >= 0 ? acc.findIndex((a, r) => r > first && a !== 1) : -1;
        if (first < 0 || first >= MAX_ROUNDS || lost >= 0)
          return fail(
            {
              ko: `${call}: 정답률이 ${MAX_ROUNDS}라운드 안에 1(100%)이 되고 그대로 있어야 하는데, ${first < 0 ? `${epochs}라운드 동안 한 번도 1이 되지 않았습니다` : lost >= 0 ? `${first + 1}라운드에 1이 된 뒤 ${lost + 1}라운드에 ${withParticle(render(acc[lost]), '로')} 떨어졌습니다` : `${first + 1}라운드에야 1이 되었습니다`} (마지막 정답률 ${render(acc.at(-1))}).`,
              en: `${call}: accuracy should reach 1 (100%) within ${MAX_ROUNDS} rounds and stay there, but ${first < 0 ? `it never reached 1 in ${epochs} rounds` : lost >= 0 ? `it reached 1 in round ${first + 1}, then fell to ${render(acc[lost])} in round ${lost + 1}` : `it reached 1 only in round ${first + 1}`} (last accuracy ${render(acc.at(-1))}).`,
            },
            { expected: `accuracy[r] === 1 (r < ${MAX_ROUNDS})`, got: render(acc) },
          );
        // The history is the student's claim; whether the final weights classify the gate is measured here.
        const weights = got[i]?.weights as Partial<Weights> | undefined;
        const wellFormed =
          Array.isArray(weights?.w) &&
          weights.w.length === 2 &&
          weights.w.every((v) => typeof v === 'number') &&
          typeof weights.b === 'number';
        if (!wellFormed)
          return fail(
            {
              ko: `${call}: 마지막 가중치 \`weights\`가 { w: [w1, w2], b } 모양이어야 하는데 ${withParticle(render(weights), '이')} 나왔습니다.`,
              en: `${call}: the final weights should look like { w: [w1, w2], b }, got ${render(weights)}.`,
            },
            { expected: '{ w: [w1, w2], b }', got: render(weights) },
          );
        const measured = accuracyOf(weights as Weights, GATES[gate]);
        if (measured !== 1)
          return fail(
            {
              ko: `${call}: 정답률 기록은 1에 이르렀지만, 돌려준 마지막 가중치 ${withParticle(render(weights), '은')} ${gate}의 네 줄 중 ${render(measured * 4)}줄만 맞힙니다 (채점기가 잰 값). 학습이 끝난 그 가중치를 돌려주세요.`,
              en: `${call}: the accuracy history reaches 1, but the final weights returned, ${render(weights)}, classify only ${render(measured * 4)} of the 4 ${gate} rows (measured by the grader). Return the weights training ended with.`,
            },
            { expected: '1', got: render(measured) },
          );
        slowest = Math.max(slowest, first + 1);
        return pass();
      });
      const verdict = allOf(verdicts);
      const ok = {
        ko: `시드 ${seeds.length}개 모두 ${gate} 게이트를 학습했습니다 (가장 느린 경우 ${slowest}라운드).`,
        en: `All ${seeds.length} seeds learned the ${gate} gate (the slowest in ${slowest} rounds).`,
      };
      return {
        ...verdict,
        ...(verdict.pass ? { message: ok } : {}),
        chart: chartOf(
          got,
          seeds.map((s) => `${gate} seed ${s}`),
        ),
      };
    },
  };
}

/**
 * The XOR history is the student's claim, and any quarter below 1 looks plausible: so the judge runs
 * the same training itself (`trainOf`, the same draws from `Rng(seed)`) and the claimed accuracy of
 * every round must be its own (exactly: multiples of 0.25). 8 runs of 50 rounds, well under 1 ms.
 */
function replayedXor(acc: number[], seed: number, call: string): Verdict {
  const rng = new Rng(seed);
  const want = trainOf(GATES.XOR, LR, acc.length, () => rng.next()).accuracy;
  const round = acc.findIndex((a, r) => a !== want[r]);
  if (round < 0) return pass();
  const [expected, got] = [render(want[round]), render(acc[round])];
  return fail(
    {
      ko: `${call}: ${round + 1}라운드의 정답률로 ${withParticle(expected, '을')} 기대했지만 ${withParticle(got, '이')} 나왔습니다 (채점기가 같은 Rng(${seed})로 train을 직접 재현한 값). 학습을 실제로 하고, 라운드마다 그 라운드가 끝난 가중치의 정답률을 기록하세요 (\`train-replay\` 검사가 어디서 달라지는지 보여 줍니다).`,
      en: `${call}: the accuracy of round ${round + 1} should be ${expected}, got ${got} (the grader's own replay of train with the same Rng(${seed})). Really train, and record after each round the accuracy of the weights that round ended with (the train-replay check shows where yours differs).`,
    },
    { expected, got },
  );
}

const xorCheck: Check<typeof Student, number[], Run[]> = {
  id: 'xor-never-perfect',
  title: {
    ko: 'XOR 문제: 퍼셉트론 하나로는 정답률 100%가 불가능',
    en: 'The XOR problem: one perceptron never reaches 100%',
  },
  points: 2,
  input: (ctx) => seedsFrom(ctx.seed, 8),
  probe: (student, seeds) => seeds.map((seed) => ({ accuracy: runTrain(student, 'XOR', seed, 50).accuracy })),
  judge: (got, seeds) => {
    const verdicts = seeds.map((seed, i) => {
      const call = `train(XOR, { lr: ${LR}, epochs: 50, rng: Rng(${seed}) })`;
      const bad = badHistory(got[i], 50, call);
      if (bad) return bad;
      const acc = got[i]!.accuracy;
      // With four samples the accuracy can only be 0, 0.25, 0.5 or 0.75 (1 is impossible for XOR).
      const wrong = acc.findIndex((a) => !(a >= 0 && a < 1 && Number.isInteger(a * 4)));
      if (wrong < 0) return replayedXor(acc, seed, call);
      return fail(
        {
          ko: `${call}: ${wrong + 1}라운드의 정답률이 ${render(acc[wrong])}입니다. 샘플 4개의 정답률은 0, 0.25, 0.5, 0.75 중 하나여야 합니다 (XOR은 직선 하나로 나눌 수 없어 1은 불가능).`,
          en: `${call}: the accuracy of round ${wrong + 1} is ${render(acc[wrong])}. With 4 samples it must be one of 0, 0.25, 0.5, 0.75 (XOR cannot be split by one line, so never 1).`,
        },
        { expected: '0 | 0.25 | 0.5 | 0.75', got: render(acc[wrong]) },
      );
    });
    const verdict = allOf(verdicts);
    const best = Math.max(...got.flatMap((r) => (Array.isArray(r?.accuracy) ? r.accuracy : [])));
    const ok = {
      ko: `시드 ${seeds.length}개 모두 XOR 정답률이 100%에 닿지 못했습니다 (최고 ${render(best)}). 다층 신경망(MLP)이 필요한 이유입니다.`,
      en: `No seed of ${seeds.length} reached 100% on XOR (best ${render(best)}). That is why we need a multi-layer perceptron.`,
    };
    return {
      ...verdict,
      ...(verdict.pass ? { message: ok } : {}),
      chart: chartOf(
        got,
        seeds.map((s) => `XOR seed ${s}`),
      ),
    };
  },
};

/** The training checks, in the order the README presents them. */
export const learningChecks = [replayCheck, learnsCheck('AND'), learnsCheck('OR'), xorCheck];
