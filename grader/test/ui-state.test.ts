import { describe, expect, it } from 'vitest';
import { commandFor } from '../src/ui/keys.js';
import {
  allPassed,
  initialState,
  isBusy,
  nextToDo,
  reduce,
  totals,
  type UiAction,
  type UiState,
} from '../src/ui/state.js';
import { check, EXERCISES, result } from './ui-fakes.js';

const [perceptron, andGate, softmax] = EXERCISES as [
  (typeof EXERCISES)[0],
  (typeof EXERCISES)[0],
  (typeof EXERCISES)[0],
];

function run(state: UiState, ...actions: UiAction[]): UiState {
  return actions.reduce(reduce, state);
}

/** A state after a full grading with these results. */
function graded(...results: ReturnType<typeof result>[]): UiState {
  const ids = EXERCISES.map((e) => e.id);
  return run(
    initialState(EXERCISES, 'ko'),
    { type: 'grading-started', ids },
    ...results.map((r): UiAction => ({ type: 'progress', event: { type: 'exercise-done', result: r } })),
    { type: 'grading-finished', ids },
  );
}

describe('the UI reducer', () => {
  it('selects the first exercise that does not pass after the first grading', () => {
    const state = graded(
      result(perceptron, [check('a', 'pass')]),
      result(andGate, [check('b', 'fail')]),
      result(softmax, [check('c', 'todo')]),
    );
    expect(state.selected).toBe(1);
    expect(nextToDo(state)).toBe(1);
    expect(state.firstRun).toBe(false);
    expect(state.running).toEqual({});
  });

  it('leaves the selection alone when the student moved it during the first grading', () => {
    const ids = EXERCISES.map((e) => e.id);
    const state = run(
      initialState(EXERCISES, 'en'),
      { type: 'grading-started', ids },
      { type: 'move', by: 2 },
      {
        type: 'progress',
        event: { type: 'exercise-done', result: result(perceptron, [check('a', 'fail')]) },
      },
      { type: 'grading-finished', ids },
    );
    expect(state.selected).toBe(2);
  });

  it('moves within bounds', () => {
    const state = initialState(EXERCISES, 'en');
    expect(run(state, { type: 'move', by: -1 }).selected).toBe(0);
    expect(
      run(state, { type: 'move', by: 1 }, { type: 'move', by: 1 }, { type: 'move', by: 1 }).selected,
    ).toBe(2);
    expect(run(state, { type: 'move', by: 5 }).selected).toBe(2);
  });

  it('opens details, scrolls by check within bounds, and goes back', () => {
    const state = graded(result(perceptron, [check('a', 'fail'), check('b', 'fail')]));
    const opened = run(state, { type: 'open' });
    expect(opened.screen).toBe('details');
    expect(run(opened, { type: 'move', by: 1 }).detailsTop).toBe(1);
    expect(run(opened, { type: 'move', by: 9 }).detailsTop).toBe(1);
    expect(run(opened, { type: 'move', by: -3 }).detailsTop).toBe(0);
    expect(run(opened, { type: 'back' }).screen).toBe('overview');
  });

  it('pages the details screen by lines within what it measured, and pages the overview by five', () => {
    const state = graded(result(perceptron, [check('a', 'fail'), check('b', 'fail')]));
    const opened = run(state, { type: 'open' }, { type: 'details-measured', overflow: 30, page: 20 });
    expect(run(opened, { type: 'page', by: 1 }).detailsLine).toBe(19); // a page less one line
    expect(run(opened, { type: 'page', by: 1 }, { type: 'page', by: 1 }).detailsLine).toBe(30);
    expect(run(opened, { type: 'page', by: -1 }).detailsLine).toBe(0);
    // a check move starts the new check at the top; a smaller screen clamps what was scrolled
    const scrolled = run(opened, { type: 'page', by: 1 });
    expect(run(scrolled, { type: 'move', by: 1 })).toMatchObject({ detailsTop: 1, detailsLine: 0 });
    expect(run(scrolled, { type: 'details-measured', overflow: 5, page: 20 }).detailsLine).toBe(5);
    expect(run(state, { type: 'page', by: 1 }).selected).toBe(2);
    expect(run(state, { type: 'page', by: 1 }).detailsLine).toBe(0);
  });

  it('opens details at the first check that does not pass', () => {
    const state = graded(result(perceptron, [check('a', 'pass'), check('b', 'fail'), check('c', 'fail')]));
    expect(run(state, { type: 'move', by: -5 }, { type: 'open' }).detailsTop).toBe(1);
    const passing = graded(result(perceptron, [check('a', 'pass')]));
    expect(run(passing, { type: 'move', by: -5 }, { type: 'open' }).detailsTop).toBe(0);
  });

  it('reveals hints one at a time, never past the last', () => {
    const state = initialState(EXERCISES, 'ko', { [andGate.id]: 1 });
    const once = run(state, { type: 'move', by: 1 }, { type: 'reveal-hint' });
    expect(once.hintsShown[andGate.id]).toBe(2);
    const all = run(once, { type: 'reveal-hint' }, { type: 'reveal-hint' }, { type: 'reveal-hint' });
    expect(all.hintsShown[andGate.id]).toBe(3);
    expect(all.hintsShown[perceptron.id]).toBeUndefined();
  });

  it('switches language and toggles help; Esc closes help before leaving details', () => {
    const state = run(initialState(EXERCISES, 'ko'), { type: 'toggle-lang' });
    expect(state.lang).toBe('en');
    const help = run(state, { type: 'open' }, { type: 'toggle-help' });
    expect(help.help).toBe(true);
    const closed = run(help, { type: 'back' });
    expect(closed.help).toBe(false);
    expect(closed.screen).toBe('details');
  });

  it('queues the exercises of a grading, then marks each running as it starts', () => {
    const ids = EXERCISES.map((e) => e.id);
    let state = run(initialState(EXERCISES, 'en'), { type: 'grading-started', ids });
    expect(state.waiting).toEqual(ids);
    expect(state.running).toEqual({});
    expect(isBusy(state)).toBe(true);
    state = run(state, { type: 'progress', event: { type: 'exercise-start', id: andGate.id } });
    expect(state.waiting).toEqual([perceptron.id, softmax.id]);
    expect(Object.keys(state.running)).toEqual([andGate.id]);
    state = run(state, { type: 'grading-finished', ids });
    expect(isBusy(state)).toBe(false);
  });

  it('tracks checks of a running exercise and replaces its result when done', () => {
    let state = graded(result(perceptron, [check('a', 'fail')]));
    state = run(
      state,
      { type: 'grading-started', ids: [perceptron.id] },
      {
        type: 'progress',
        event: { type: 'check-done', exerciseId: perceptron.id, result: check('a', 'pass') },
      },
    );
    expect(state.running[perceptron.id]?.map((c) => c.status)).toEqual(['pass']);
    expect(state.results[perceptron.id]?.status).toBe('fail');
    state = run(
      state,
      {
        type: 'progress',
        event: { type: 'exercise-done', result: result(perceptron, [check('a', 'pass')]) },
      },
      { type: 'grading-finished', ids: [perceptron.id] },
    );
    expect(state.running).toEqual({});
    expect(state.results[perceptron.id]?.status).toBe('pass');
  });

  it('keeps showing the check still running when an earlier one of another lane finishes', () => {
    const start = (checkId: string, index: number): UiAction => ({
      type: 'progress',
      at: 0,
      event: {
        type: 'check-start',
        exerciseId: perceptron.id,
        checkId,
        title: { ko: checkId, en: checkId },
        index,
        total: 2,
        limitMs: 5000,
      },
    });
    const done = (id: string): UiAction => ({
      type: 'progress',
      event: { type: 'check-done', exerciseId: perceptron.id, result: check(id, 'pass') },
    });
    let state = run(
      initialState(EXERCISES, 'en'),
      { type: 'grading-started', ids: [perceptron.id] },
      start('a', 1),
      start('b', 2),
      done('a'),
    );
    expect(state.current[perceptron.id]?.checkId).toBe('b');
    state = run(state, done('b'));
    expect(state.current[perceptron.id]).toBeUndefined();
  });

  it('moves on to the next exercise when the selected one starts passing', () => {
    let state = graded(result(perceptron, [check('a', 'fail')]), result(andGate, [check('b', 'fail')]));
    expect(state.selected).toBe(0);
    state = run(
      state,
      { type: 'grading-started', ids: [perceptron.id] },
      {
        type: 'progress',
        event: { type: 'exercise-done', result: result(perceptron, [check('a', 'pass')]) },
      },
      { type: 'grading-finished', ids: [perceptron.id] },
    );
    expect(state.selected).toBe(1);
  });

  it('sums scores and knows when everything passes', () => {
    const partial = graded(result(perceptron, [check('a', 'pass'), check('b', 'fail')]));
    expect(totals(partial)).toEqual({ score: 2, maxScore: 4 });
    expect(allPassed(partial)).toBe(false);
    const done = graded(
      result(perceptron, [check('a', 'pass')]),
      result(andGate, [check('b', 'pass')]),
      result(softmax, [check('c', 'pass')]),
    );
    expect(allPassed(done)).toBe(true);
    expect(nextToDo(done)).toBe(-1);
  });

  it('records a failure of the grader itself', () => {
    const state = run(
      initialState(EXERCISES, 'en'),
      { type: 'grading-started', ids: ['x'] },
      {
        type: 'grading-failed',
        message: 'boom',
      },
    );
    expect(state.failure).toBe('boom');
    expect(state.running).toEqual({});
  });
});

describe('the key map', () => {
  const state = initialState(EXERCISES, 'ko');

  it('maps the documented keys', () => {
    expect(commandFor('j', {}, state)).toEqual({ kind: 'action', action: { type: 'move', by: 1 } });
    expect(commandFor('', { upArrow: true }, state)).toEqual({
      kind: 'action',
      action: { type: 'move', by: -1 },
    });
    expect(commandFor('', { return: true }, state)).toEqual({ kind: 'action', action: { type: 'open' } });
    expect(commandFor('', { escape: true }, state)).toEqual({ kind: 'action', action: { type: 'back' } });
    expect(commandFor('h', {}, state)).toEqual({ kind: 'action', action: { type: 'reveal-hint' } });
    expect(commandFor('l', {}, state)).toEqual({ kind: 'action', action: { type: 'toggle-lang' } });
    expect(commandFor('r', {}, state)).toEqual({ kind: 'regrade' });
    expect(commandFor('q', {}, state)).toEqual({ kind: 'quit' });
    expect(commandFor('x', {}, state)).toBeNull();
  });

  it('only closes the help (or quits) while it is open', () => {
    const help = reduce(state, { type: 'toggle-help' });
    expect(commandFor('j', {}, help)).toBeNull();
    expect(commandFor('?', {}, help)).toEqual({ kind: 'action', action: { type: 'toggle-help' } });
    expect(commandFor('q', {}, help)).toEqual({ kind: 'quit' });
  });
});
