import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Adam, Dense, type LayerJsonOf, loadModel, type ModelJson, Sequential } from '../src/index.js';

/** Layer `i` of a saved model of Dense layers. */
const dense = (json: ModelJson, i: number) => json.layers[i] as LayerJsonOf<'Dense'>;

const dir = mkdtempSync(join(tmpdir(), 'gradschool-nn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [
  [1, 0],
  [0, 1],
  [0, 1],
  [1, 0],
];

function trained(): Sequential {
  const model = new Sequential({ seed: 3 });
  model.add(new Dense(5, { inputDim: 2, kernelInitializer: 'normal', activation: 'sigmoid' }));
  model.add(new Dense(2, { activation: 'softmax' }));
  model.compile({
    optimizer: new Adam({ learningRate: 0.05 }),
    loss: 'categorical_crossentropy',
    metrics: ['accuracy'],
  });
  model.fit(X, Y, { epochs: 20, verbose: 0 });
  return model;
}

function saved(name: string, model = trained()): { path: string; json: ModelJson } {
  const path = join(dir, name);
  model.save(path);
  return { path, json: JSON.parse(readFileSync(path, 'utf8')) as ModelJson };
}

function write(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('save / loadModel', () => {
  it('round trip: same summary, same weights, identical predictions, compiled again', () => {
    const model = trained();
    const { path } = saved('xor.json', model);
    const loaded = loadModel(path);
    expect(loaded.summary({ print: false })).toBe(model.summary({ print: false }));
    expect(Array.from(loaded.predict(X).data)).toEqual(Array.from(model.predict(X).data));
    expect(loaded.evaluate(X, Y)).toEqual(model.evaluate(X, Y));
    const optimizer = loaded.compiled?.optimizer as Adam;
    expect(optimizer).toBeInstanceOf(Adam);
    expect(optimizer.learningRate).toBe(0.05);
    loaded.fit(X, Y, { epochs: 2, verbose: 0 }); // trainable again
  });

  it('saves an uncompiled model without compile settings', () => {
    const model = new Sequential();
    model.add(new Dense(3, { inputDim: 4, useBias: false, activation: 'relu' }));
    const { path, json } = saved('plain.json', model);
    expect(json.compile).toBeNull();
    expect(dense(json, 0).weights).toHaveLength(1);
    expect(loadModel(path).compiled).toBeNull();
  });

  it('says when a file is corrupted (not JSON)', () => {
    const { path } = saved('cut.json');
    const text = readFileSync(path, 'utf8');
    const cut = write('cut2.json', text.slice(0, text.length / 2));
    expect(() => loadModel(cut)).toThrow(/cut2\.json is not valid JSON \(corrupted\?\)/);
  });

  it('says when a file is foreign or from another version', () => {
    const foreign = write('package.json', { name: 'x', version: '1.0.0' });
    expect(() => loadModel(foreign)).toThrow(/is not a model saved by model\.save\(\)/);
    const { json } = saved('v.json');
    expect(() => loadModel(write('v2.json', { ...json, version: 2 }))).toThrow(
      /has version 2; this library reads version 1/,
    );
    expect(() => loadModel(join(dir, 'missing.json'))).toThrow(/cannot be read/);
  });

  it('names the place of a schema violation', () => {
    const { json } = saved('s.json');
    const bad = structuredClone(json) as unknown as {
      layers: { weights: { data: unknown[] }[]; activation: string }[];
    };
    bad.layers[0]!.weights[0]!.data[3] = 'oops';
    expect(() => loadModel(write('bad1.json', bad))).toThrow(
      /does not match the model file schema: \/layers\/0\/weights\/0\/data\/3 must be number/,
    );
    const act = structuredClone(json) as unknown as { layers: { activation: string }[] };
    act.layers[1]!.activation = 'sparsemax'; // a Keras 3 activation this engine does not have
    expect(() => loadModel(write('bad2.json', act))).toThrow(
      /\/layers\/1\/activation must be equal to one of the allowed values/,
    );
  });

  it('checks weight shapes and sizes against the layers', () => {
    const { json } = saved('w.json');
    const shape = structuredClone(json);
    dense(shape, 1).weights[0]!.shape = [4, 2];
    expect(() => loadModel(write('bad3.json', shape))).toThrow(
      /layer 1 \('dense_1'\) weight 0 has shape \[4,2\], expected \[5,2\]/,
    );
    const size = structuredClone(json);
    dense(size, 0).weights[1]!.data.pop();
    expect(() => loadModel(write('bad4.json', size))).toThrow(
      /layer 0 \('dense'\) weight 1 has 4 values for shape \[5\]/,
    );
  });

  it('refuses to save a custom activation function', () => {
    const model = new Sequential();
    model.add(new Dense(2, { inputDim: 2, activation: (x) => x.mul(2) }));
    expect(() => model.save(join(dir, 'custom.json'))).toThrow(/custom activation/);
  });
});
