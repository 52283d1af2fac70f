/**
 * Answers as they reach a judge, for the tests: after the sandbox's v8 round trip, which keeps
 * shared references and cycles. Not a test file itself.
 */

import v8 from 'node:v8';

/** `value` as the grader receives it from the sandbox (structured clone through the v8 serializer). */
export const roundTrip = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;

/**
 * `let v = leaf; for (depth times) v = [v, v]`: a few hundred bytes that are 2^depth leaves when
 * walked as a tree (the fault-injection report's answer, with depth 40).
 */
export function doubling(depth: number, leaf: unknown = 1, wrap = <T>(a: T) => a): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = wrap([v, v]);
  return v;
}

/** Counts element reads (`a[i]`) of the arrays it wraps: an outside measure of a walk's work. */
export class ReadCounter {
  reads = 0;

  /** `array`, behind a proxy that counts the reads of its elements. */
  wrap = <T>(array: T): T =>
    new Proxy(array as object, {
      get: (target, key, receiver) => {
        if (typeof key === 'string' && /^\d+$/.test(key)) this.reads++;
        return Reflect.get(target, key, receiver);
      },
    }) as T;
}

/** Counts how often the keys of the object it wraps are listed (`Object.keys`, each costing its size). */
export class KeyListCounter {
  lists = 0;

  /** `object`, behind a proxy that counts the listings of its keys. */
  wrap = <T extends object>(object: T): T =>
    new Proxy(object, {
      ownKeys: (target) => {
        this.lists++;
        return Reflect.ownKeys(target);
      },
    });
}

/** An array holding `before`, then itself: a cycle at the top (at `[before.length]`). */
export function selfHolding(before: unknown[] = []): unknown[] {
  const a: unknown[] = [...before];
  a.push(a);
  return a;
}

/** `[1, <hole>, 3]`: a sparse array (the round trip keeps the hole). */
export function withHole(): number[] {
  const a = new Array<number>(3);
  a[0] = 1;
  a[2] = 3;
  return a;
}
