/**
 * The reference of exercise 04's gradient norms, hidden from students: `firstLayerGradNorm` built as
 * the README states it with the trusted engine, and the judge that compares every returned norm with
 * it (rtol 1e-6). Public, this file would be the answer itself; it runs only in record grading
 * (`checks.hidden.ts`), and `pnpm export-student` leaves `checks/hidden/` out.
 */
import * as engine from '@gradschool/autograd';
import { fail, isClose, pass, render, type Verdict, withParticle } from '@gradschool/exercise-kit';
import type { GradNormInput, GradNormProbe } from '../engine-verdicts.js';
import { median, XOR_X, XOR_Y } from '../math.js';

const sci = (x: unknown) =>
  typeof x === 'number' ? (Number.isFinite(x) ? x.toExponential(2) : String(x)) : render(x);

/** How the network's softmax is written; the README allows both. */
export type SoftmaxWay = 'tensor' | 'dense';

/** The first and the last kernel's gradient norms of one network. */
export interface GradNorms {
  first: number;
  /** The last kernel's: the most common mistake returns it. */
  last: number;
}

const norm = (t: engine.Tensor | null): number =>
  t === null ? Number.NaN : Math.sqrt(t.data.reduce((acc, g) => acc + g * g, 0));

/**
 * `firstLayerGradNorm(activation, depth, seed)` as the README builds it: input(2) → `depth` layers of
 * 16 units → 2 (softmax), He-uniform kernels drawn layer by layer from `new Rng(seed)`, no bias, one
 * backward pass of the categorical cross-entropy on the XOR batch. The softmax is a tensor op
 * (`'tensor'`: the loss then clips the probabilities) or a Dense layer's activation (`'dense'`: the
 * loss works from the logits). A deep ReLU stack can saturate the softmax, and then the two differ.
 */
export function gradNormsOf(
  activation: 'sigmoid' | 'relu',
  depth: number,
  seed: number,
  way: SoftmaxWay = 'tensor',
): GradNorms {
  const softmax = way === 'tensor' ? (z: engine.Tensor) => z.softmax() : engine.getActivation('softmax');
  const rng = new engine.Rng(seed);
  const sizes = [2, ...new Array<number>(depth).fill(16), 2];
  const kernels: engine.Tensor[] = [];
  let h = engine.tensor(XOR_X);
  for (let layer = 0; layer + 1 < sizes.length; layer++) {
    const limit = Math.sqrt(6 / sizes[layer]!);
    const kernel = engine.randomUniform([sizes[layer]!, sizes[layer + 1]!], { min: -limit, max: limit, rng });
    kernel.requiresGrad = true;
    kernels.push(kernel);
    const z = h.matmul(kernel);
    h = layer + 2 === sizes.length ? softmax(z) : activation === 'relu' ? z.relu() : z.sigmoid();
  }
  engine.categoricalCrossentropy(engine.tensor(XOR_Y), h).backward();
  return { first: norm(kernels[0]!.grad), last: norm(kernels.at(-1)!.grad) };
}

/** The norms must be the judge's own (rtol 1e-6); the verdict shows how they vanish for the sigmoid. */
export function judgeGradientNorms(runs: GradNormProbe[], { seeds, depths }: GradNormInput): Verdict {
  const table = {
    head: ['depth (층 수)', `sigmoid (seed ${seeds[0]})`, `relu (seed ${seeds[0]})`],
    rows: depths.map((d, i) => [d, sci(runs[0]?.sigmoid?.[i]), sci(runs[0]?.relu?.[i])]),
  };
  const ratios = { sigmoid: [] as number[], relu: [] as number[] };
  for (const [s, seed] of seeds.entries()) {
    for (const activation of ['sigmoid', 'relu'] as const) {
      for (const [i, depth] of depths.entries()) {
        const got: unknown = runs[s]?.[activation]?.[i];
        const matches = (norms: GradNorms) => typeof got === 'number' && isClose(got, norms.first, 1e-6, 0);
        // The tensor way first; the Dense way only when that does not match (it costs as much again).
        const tensors = gradNormsOf(activation, depth, seed, 'tensor');
        if (matches(tensors)) continue;
        const dense = gradNormsOf(activation, depth, seed, 'dense');
        if (matches(dense)) continue;
        const call = `firstLayerGradNorm('${activation}', ${depth}, ${seed})`;
        const expected = isClose(tensors.first, dense.first, 1e-6, 0)
          ? sci(tensors.first)
          : `${sci(tensors.first)} (Dense({ activation: 'softmax' }): ${sci(dense.first)})`;
        const last =
          typeof got === 'number' && isClose(got, tensors.last, 1e-6, 0)
            ? {
                ko: ' 마지막 층의 기울기입니다: 첫 번째 kernel의 .grad를 쓰세요.',
                en: " That is the LAST layer's gradient: take the first kernel's .grad.",
              }
            : typeof got !== 'number'
              ? {
                  ko: ' Tensor라면 .item()으로 숫자를 꺼내세요.',
                  en: ' If it is a Tensor, take the number out with .item().',
                }
              : {
                  ko: ' README대로 만드세요: new Rng(seed)에서 층 순서대로 heUniform 커널, 편향 없음, XOR 배치에 categoricalCrossentropy 한 번 backward().',
                  en: ' Build it as the README says: He-uniform kernels drawn layer by layer from new Rng(seed), no bias, one backward() of categoricalCrossentropy on the XOR batch.',
                };
        return fail(
          {
            ko: `${call}: ${withParticle(expected, '을')} 기대했지만 ${withParticle(sci(got), '이')} 나왔습니다 (rtol=1e-6).${last.ko}`,
            en: `${call}: expected ${expected}, got ${sci(got)} (rtol=1e-6).${last.en}`,
          },
          { table, expected, got: sci(got) },
        );
      }
      const values = runs[s]![activation];
      ratios[activation].push(values.at(-1)! / values[0]!);
    }
  }
  const [shallow, deep] = [depths[0]!, depths.at(-1)!];
  const [sigmoid, relu] = [median(ratios.sigmoid), median(ratios.relu)];
  return pass(
    {
      ko: `모든 값이 채점기의 계산과 같습니다. 첫 층 기울기의 비율 (깊이 ${deep} ÷ 깊이 ${shallow}, 시드 ${seeds.length}개의 중앙값): sigmoid ${sci(sigmoid)}, relu ${sci(relu)}. sigmoid의 미분은 최대 0.25라서 층을 지날 때마다 기울기가 줄어 첫 층에는 거의 오지 않습니다 (Gradient Vanishing). ReLU의 미분은 양수 입력에서 1이라(음수 입력에서는 0) 활성화된 노드를 지나는 기울기는 줄지 않고 전달됩니다.`,
      en: `Every value matches the grader's own. Ratio of the first layer's gradient norm (depth ${deep} / depth ${shallow}, median over ${seeds.length} seeds): sigmoid ${sci(sigmoid)}, relu ${sci(relu)}. The sigmoid's derivative is at most 0.25, so every layer shrinks the gradient until almost nothing reaches the first layer (gradient vanishing); ReLU's derivative is 1 for positive inputs (0 for negative ones), so the gradient passes through active units undiminished.`,
    },
    { table },
  );
}
