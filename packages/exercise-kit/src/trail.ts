/**
 * Where a walk is inside a value: the steps taken from the top (for messages: `[1][0].w`) and the
 * arrays and objects it is inside of (to tell a cycle from a shared reference). Internal to the kit.
 *
 * A value met again while still inside it is a cycle; one met again after leaving it is only shared
 * (`const row = [0, 0]; [row, row]`), which is legitimate and walked again.
 */

import { MAX_DEPTH } from './limits.js';

/** An array index, an object key, or text shown as it is (`.entries()`). */
export type Step = number | string | { raw: string };

/** Longest key shown in a path, and longest path: a message stays readable whatever the keys are. */
const MAX_KEY_CHARS = 40;
const MAX_PATH_CHARS = 200;

function stepText(step: Step): string {
  if (typeof step === 'number') return `[${step}]`;
  if (typeof step !== 'string') return step.raw;
  const key = step.length > MAX_KEY_CHARS ? `${step.slice(0, MAX_KEY_CHARS)}...` : step;
  return /^[A-Za-z_$][\w$]*$/.test(step) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Tracks the current path and the containers it runs through; see the file's comment. */
export class Trail {
  private readonly steps: Step[] = [];
  private readonly inside = new Set<object>();

  constructor(readonly maxDepth: number = MAX_DEPTH) {}

  /** Takes one step down (call `up` after). */
  down(step: Step): void {
    this.steps.push(step);
  }

  up(): void {
    this.steps.pop();
  }

  /** True when `node` is one of the containers the walk is inside of: reaching it again is a cycle. */
  encloses(node: unknown): boolean {
    return typeof node === 'object' && node !== null && this.inside.has(node);
  }

  /** Goes inside `node` (call `leave` after), or says why not: a cycle, or too many levels. */
  enter(node: object): 'cycle' | 'too-deep' | null {
    if (this.inside.has(node)) return 'cycle';
    if (this.inside.size >= this.maxDepth) return 'too-deep';
    this.inside.add(node);
    return null;
  }

  leave(node: object): void {
    this.inside.delete(node);
  }

  /** The current path as messages show it, `[1][0].w` (empty at the top), its start cut if long. */
  path(): string {
    let text = '';
    for (let i = this.steps.length - 1; i >= 0 && text.length <= MAX_PATH_CHARS; i--)
      text = stepText(this.steps[i] as Step) + text;
    return text.length > MAX_PATH_CHARS ? `...${text.slice(-MAX_PATH_CHARS)}` : text;
  }
}
