/**
 * Catching a student function that returns a Promise (usually one declared `async`). The course's
 * functions are synchronous: a Promise nested in a probe's answer cannot cross to the grader
 * (structured clone refuses it), and the student would only see "could not be cloned". So the
 * harness notes which of the student's exports returned a thenable during a probe, and looks for a
 * thenable in the answer before sending it, to say which call to fix and how.
 */

/** True for anything with a callable `then` (a Promise, or a look-alike); never throws. */
export function isThenable(value: unknown): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  try {
    return typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

/**
 * Where a thenable sits in `value` (`''` at the top, `.a[2]` inside), or null when there is none.
 * Walks arrays and plain objects only: that is all a probe's answer is made of.
 */
export function findThenable(value: unknown, seen = new Set<object>()): string | null {
  if (isThenable(value)) return '';
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const at = findThenable(item, seen);
      if (at !== null) return `[${i}]${at}`;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = findThenable(item, seen);
    if (at !== null) return `.${key}${at}`;
  }
  return null;
}

/**
 * The student's module as the probes see it: the same exports, but each exported function notes its
 * name in `returnedPromise` when a call returns a thenable. Calls, `new`, `this` and properties behave
 * as before (a Proxy that only watches calls).
 *
 * @example
 * ```ts
 * const watched = watchPromises(studentModule);
 * await probe(watched.student, input);
 * watched.returnedPromise; // ['softmax'] when softmax is `async`
 * ```
 */
export function watchPromises(module: unknown): { student: unknown; returnedPromise: string[] } {
  const returnedPromise: string[] = [];
  if (typeof module !== 'object' || module === null) return { student: module, returnedPromise };
  const student: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    student[name] =
      typeof value === 'function'
        ? new Proxy(value, {
            apply(target, self, args) {
              const result = Reflect.apply(target, self, args);
              if (isThenable(result) && !returnedPromise.includes(name)) returnedPromise.push(name);
              return result;
            },
          })
        : value;
  }
  return { student, returnedPromise };
}
