/**
 * Checks of 02-and-gate: the trained AND gate of the slides, OR/NAND/XOR built from perceptrons,
 * the AND gate's training replayed round by round, and the Keras-style model (`checks/model-*.ts`).
 */
import { Rng } from '@gradschool/autograd';
import {
  allOf,
  type Contract,
  check,
  defineChecks,
  expectClose,
  expectEqual,
  expectReturn,
  fail,
  type Localized,
  pass,
  render,
  type Verdict,
} from '@gradschool/exercise-kit';
import { modelSetupChecks } from './checks/model-setup.js';
import { modelTrainingChecks } from './checks/model-training.js';
import { INPUTS, type RoundOf, stepOf, TRUTH, trainAndGateOf } from './checks/replay.js';
import type * as Student from './src/and-gate.js';

const c = check<typeof Student>();

/** The return types the README states (checked before any value: `expectReturn`). */
const ZERO_OR_ONE: Contract = { type: 'number', oneOf: [0, 1] };
const NUMBER: Contract = { type: 'number' };
const ROUND: Contract = {
  type: 'object',
  fields: {
    round: NUMBER,
    w1: NUMBER,
    w2: NUMBER,
    b: NUMBER,
    rows: {
      type: 'list',
      length: 4,
      of: { type: 'object', fields: { x1: NUMBER, x2: NUMBER, d: ZERO_OR_ONE, y: ZERO_OR_ONE } },
    },
    accuracy: NUMBER,
  },
};

type Gate = 'andGate' | 'orGate' | 'nandGate' | 'xorGate';

/** A truth-table check: every row of `table`, with the row named in the message. */
function truthTable(gate: Gate, table: number[], title: Localized, points: number) {
  return c({
    id: `${gate.replace('Gate', '')}-gate-truth-table`,
    title,
    points,
    probe: (student) => INPUTS.map(([x1, x2]) => student[gate](x1, x2)),
    judge: (got) =>
      allOf(
        INPUTS.map(([x1, x2], i) => {
          const what = { ko: `${gate}(${x1}, ${x2})`, en: `${gate}(${x1}, ${x2})` };
          return expectReturn(got[i], gate, ZERO_OR_ONE, { what }) ?? expectEqual(got[i], table[i], { what });
        }),
      ),
  });
}

/** One verdict per run: its first failure, else a pass. */
const firstFailure = (verdicts: Verdict[]): Verdict => verdicts.find((v) => !v.pass) ?? pass();

const LECTURE_SUM = (x1: number, x2: number): number => 0.4 * x1 + 0.2 * x2 - 0.5;

export default defineChecks<typeof Student>([
  truthTable('andGate', TRUTH.AND, { ko: 'andGate의 진리표', en: "andGate's truth table" }, 2),
  c({
    id: 'and-gate-lecture-weights',
    title: {
      ko: 'andGate는 슬라이드의 가중치 (0.4, 0.2, −0.5)를 쓰는 퍼셉트론',
      en: "andGate is a perceptron with the slide's weights (0.4, 0.2, −0.5)",
    },
    points: 1,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const points: [number, number][] = [];
      while (points.length < 12) {
        const p: [number, number] = [
          Number(rng.uniform(-2, 3).toFixed(2)),
          Number(rng.uniform(-2, 3).toFixed(2)),
        ];
        // Points too close to the boundary would judge rounding, not weights.
        if (Math.abs(LECTURE_SUM(...p)) > 1e-6) points.push(p);
      }
      return points;
    },
    probe: (student, points) => points.map(([x1, x2]) => student.andGate(x1, x2)),
    judge: (got, points) =>
      allOf(
        points.map(([x1, x2], i) => {
          const sum = LECTURE_SUM(x1, x2);
          const what = {
            ko: `andGate(${x1}, ${x2}) (가중합 0.4·${x1} + 0.2·${x2} − 0.5 = ${render(sum)})`,
            en: `andGate(${x1}, ${x2}) (weighted sum 0.4·${x1} + 0.2·${x2} − 0.5 = ${render(sum)})`,
          };
          return (
            expectReturn(got[i], 'andGate', ZERO_OR_ONE, { what }) ??
            expectEqual(got[i], stepOf(sum), { what })
          );
        }),
      ),
  }),
  truthTable('orGate', TRUTH.OR, { ko: 'orGate의 진리표', en: "orGate's truth table" }, 1),
  truthTable('nandGate', TRUTH.NAND, { ko: 'nandGate의 진리표', en: "nandGate's truth table" }, 1),
  truthTable(
    'xorGate',
    TRUTH.XOR,
    { ko: 'xorGate = AND(NAND, OR)의 진리표', en: 'xorGate = AND(NAND, OR): its truth table' },
    2,
  ),
  c({
    id: 'train-and-gate',
    title: {
      ko: 'And 게이트 학습: 라운드마다 표 (x1, x2, d, y)와 정답률을 그대로 재현',
      en: 'Learning the AND gate: every round’s table (x1, x2, d, y) and accuracy, replayed',
    },
    points: 4,
    input: (ctx) => {
      const rng = new Rng(ctx.seed);
      const seed = () => rng.int(2 ** 31);
      return [
        { lr: 0.05, seed: seed() },
        { lr: 0.05, seed: seed() },
        { lr: 0.05, seed: seed() },
        { lr: 0.2, seed: seed(), maxRounds: 2 },
      ];
    },
    probe: (student, cases) => cases.map((opts) => student.trainAndGate({ ...opts })),
    judge: (got, cases) => {
      const verdicts = cases.flatMap((opts, i) => {
        const want = trainAndGateOf(opts.lr, opts.seed, opts.maxRounds);
        const g = got[i] as Partial<RoundOf>[] | undefined;
        const call = `trainAndGate(${render(opts)})`;
        const broken = expectReturn(
          g,
          'trainAndGate',
          { type: 'list', of: ROUND },
          { what: { ko: call, en: call } },
        );
        if (broken || !Array.isArray(g)) return [broken ?? fail({ ko: call, en: call })];
        const count = expectEqual(g.length, want.length, {
          what: {
            ko: `${call}의 라운드 수 (정답률이 1이 된 라운드까지${opts.maxRounds ? `, 최대 ${opts.maxRounds}` : ''})`,
            en: `the number of rounds of ${call} (up to the first round with accuracy 1${opts.maxRounds ? `, at most ${opts.maxRounds}` : ''})`,
          },
        });
        // Rounds first, so the message names the first round that differs; then the count.
        const common = want.slice(0, g.length);
        const perRound = common.flatMap((w, r) => {
          const at = { ko: `${call}의 ${r + 1}라운드`, en: `${call}, round ${r + 1}` };
          const gr = g[r];
          return [
            expectEqual(gr?.round, w.round, {
              what: { ko: `${at.ko}의 \`round\` 값`, en: `${at.en}: round` },
            }),
            expectClose([gr?.w1, gr?.w2, gr?.b], [w.w1, w.w2, w.b], {
              rtol: 1e-12,
              what: {
                ko: `${at.ko} 뒤의 가중치 [w1, w2, b]`,
                en: `${at.en}: the weights [w1, w2, b] after it`,
              },
            }),
            expectEqual(
              gr?.rows?.map((row) => [row?.x1, row?.x2, row?.d, row?.y]),
              w.rows.map((row) => [row.x1, row.x2, row.d, row.y]),
              { what: { ko: `${at.ko} 표 [x1, x2, d, y]`, en: `${at.en}: the table [x1, x2, d, y]` } },
            ),
            expectClose(gr?.accuracy, w.accuracy, {
              rtol: 1e-12,
              what: { ko: `${at.ko} 정답률`, en: `${at.en}: accuracy` },
            }),
          ];
        });
        return [firstFailure([...perRound, count])];
      });
      const chart = {
        title: { ko: '라운드별 정답률', en: 'Accuracy per round' },
        series: cases.map((opts, i) => ({
          name: `seed ${opts.seed}, lr ${opts.lr}`,
          values: Array.isArray(got[i]) ? got[i].map((r) => Number(r?.accuracy)) : [],
        })),
      };
      const verdict = allOf(verdicts);
      const rounds = cases
        .map((opts) => trainAndGateOf(opts.lr, opts.seed, opts.maxRounds).length)
        .join(', ');
      const ok = {
        ko: `${cases.length}번의 학습이 라운드마다 그대로 재현됩니다 (라운드 수 ${rounds}).`,
        en: `All ${cases.length} training runs match round by round (rounds: ${rounds}).`,
      };
      return { ...verdict, ...(verdict.pass ? { message: ok } : {}), chart };
    },
  }),
  ...modelSetupChecks,
  ...modelTrainingChecks,
]);
