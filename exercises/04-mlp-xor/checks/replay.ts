/**
 * The judge's own knowledge of exercise 04's engine part, with the trusted engine in the grader: the
 * slide's model (what a reported model must be), the cap on replayed training (the replays themselves
 * are the kit's `replayFit`). The first layer's gradient norm as the README builds it is not here:
 * it would be the answer, so only the hidden checks hold it. Nothing here runs student code.
 *
 * Cost, measured as CPU time of the judges in full `pnpm grade --solutions` runs on the course's 2-core
 * machine (shared, load average 14–20): train-xor replays 3 × 3000 epochs of the slide's 2-5-2 model,
 * 0.51–0.55 s, of which about 0.25 s is V8 compiling the engine in the grader process (paid once per
 * process; the same replay takes 50–100 ms warm, and the 5000-epoch cap bounds it at 5/3 of that);
 * single-layer-cannot 50–105 ms; the hidden gradient norms' check 70–95 ms (a few tenths of a millisecond per norm,
 * the Dense way only computed when the tensor way does not match).
 */
import {
  type LayerData,
  type Localized,
  type ModelData,
  render,
  withParticle,
} from '@gradschool/exercise-kit';

/** Training runs longer than this are not replayed (the README says so): a judge's work stays small. */
export const MAX_REPLAY_EPOCHS = 5000;

/** The slide's model, layer by layer, as `modelData` reads it. */
export const SLIDE_LAYERS: Omit<LayerData, 'inputShape'>[] = [
  {
    className: 'Dense',
    units: 5,
    activation: 'sigmoid',
    kernelInitializer: 'randomNormal',
    biasInitializer: 'zeros',
    useBias: true,
  },
  {
    className: 'Dense',
    units: 2,
    activation: 'softmax',
    kernelInitializer: 'randomNormal',
    biasInitializer: 'zeros',
    useBias: true,
  },
];

const FIELDS: { key: keyof Omit<LayerData, 'inputShape'>; ko: string; en: string }[] = [
  { key: 'className', ko: '층 종류', en: 'the layer type' },
  { key: 'units', ko: '노드 수 (units)', en: 'the units' },
  { key: 'activation', ko: '활성화 함수', en: 'the activation' },
  {
    key: 'kernelInitializer',
    ko: "kernelInitializer ('normal'은 randomNormal로 기록됩니다)",
    en: "the kernelInitializer ('normal' is recorded as randomNormal)",
  },
  { key: 'biasInitializer', ko: 'biasInitializer', en: 'the biasInitializer' },
  { key: 'useBias', ko: 'useBias', en: 'useBias' },
];

/**
 * What makes `data` differ from the slide's model (Dense(5, inputDim 2, 'normal', sigmoid) then
 * Dense(2, 'normal', softmax)), as a message about `call`; null when it is that model.
 */
export function slideModelProblem(data: ModelData, call: string): Localized | null {
  if (data.layers.length !== SLIDE_LAYERS.length)
    return {
      ko: `${call}: 층이 2개 (Dense(5) → Dense(2))여야 하는데 ${data.layers.length}개입니다.`,
      en: `${call}: expected 2 layers (Dense(5) → Dense(2)), got ${data.layers.length}.`,
    };
  for (const [k, want] of SLIDE_LAYERS.entries()) {
    const got = data.layers[k]!;
    const field = FIELDS.find(({ key }) => got[key] !== want[key]);
    if (field)
      return {
        ko: `${call}: ${k + 1}번째 층의 ${field.ko}: ${withParticle(render(want[field.key]), '을')} 기대했지만 ${withParticle(render(got[field.key]), '이')} 나왔습니다.`,
        en: `${call}: layer ${k + 1}, ${field.en}: expected ${render(want[field.key])}, got ${render(got[field.key])}.`,
      };
  }
  const input = data.layers[0]!.inputShape ?? data.weights[0]?.shape.slice(0, 1);
  if (render(input) !== '[2]')
    return {
      ko: `${call}: 첫 층의 입력 크기가 inputDim: 2여야 하는데 ${render(input)}입니다.`,
      en: `${call}: the first layer's input size should be inputDim: 2, got ${render(input)}.`,
    };
  return null;
}
