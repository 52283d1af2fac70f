/**
 * The UI's state and the reducer that changes it: pure functions, no React, no terminal, so each
 * transition is tested on its own (`test/ui-state.test.ts`). `use-grader-ui.ts` holds it in React.
 */
import type { Lang, Localized } from '@gradschool/exercise-kit';
import { sumScores } from '../core/score.js';
import type { CheckResult, ExerciseResult } from '../core/types.js';
import type { ExerciseInfo, GradeProgress, HintsShown, NotSelected } from './session.js';

/** The screens: the list of exercises, or one exercise's checks. */
export type Screen = 'overview' | 'details';

/** Everything the screens show, in one value. */
export interface UiState {
  lang: Lang;
  screen: Screen;
  /** The key help (`?`) is open over the current screen. */
  help: boolean;
  exercises: ExerciseInfo[];
  /** Problems found before grading, shown above the list. */
  notices: Localized[];
  /** Exercises the filters left out of this run (named by the ending). */
  notSelected: NotSelected[];
  /** Index into `exercises` of the selected one. */
  selected: number;
  /** Details screen: index of the first check shown (j/k move by check). */
  detailsTop: number;
  /**
   * Details screen: lines scrolled past the screen's top, from `detailsTop` on (PgDn/PgUp, Space):
   * a check taller than the terminal (06's pictures and chart in 24 rows) is read line by line.
   */
  detailsLine: number;
  /**
   * What the details screen measured of itself once drawn (`details-measured`): how many lines
   * it can scroll (its height beyond the room it has) and how many it shows at once (a page).
   */
  detailsRoom: { overflow: number; page: number };
  /**
   * Each exercise's points in all, by id, known before it is graded (its checks' sum): the header
   * shows the course's total from them, not a total that grows as results come in.
   */
  maxScores: Record<string, number>;
  /** The latest result of each graded exercise, by id. */
  results: Record<string, ExerciseResult>;
  /** Exercises being graded now, by id, with the checks already finished in this run. */
  running: Record<string, CheckResult[]>;
  /** The check running now in each exercise being graded, by exercise id (progress while it runs). */
  current: Record<string, RunningCheck>;
  /** Exercises queued in a grading that has not reached them yet. */
  waiting: string[];
  hintsShown: HintsShown;
  /**
   * `h` was pressed with every hint of this exercise (by id) already shown: the hint panel says so and
   * what else helps, until the next key. Null: no such note.
   */
  hintsExhausted: string | null;
  /** True until the first full grading has finished. */
  firstRun: boolean;
  /** The student moved the selection themselves: the first grading then leaves it alone. */
  moved: boolean;
  /** Set when grading itself failed (not the student's code): shown instead of results. */
  failure: string | null;
}

/** A check that has started and not finished: what the UI shows while a slow check runs. */
export interface RunningCheck {
  checkId: string;
  title?: Localized;
  /** 1-based place among `total` checks. */
  index?: number;
  total?: number;
  limitMs?: number;
  /** When it started (`Date.now()` of the hook; the reducer stays pure). */
  startedAt: number;
}

/** What can happen: a key press (move, open, ...) or news from the grader (progress, finished). */
export type UiAction =
  | { type: 'move'; by: number }
  /** Pages: on the details screen, by lines (a page each); on the overview, five exercises. */
  | { type: 'page'; by: 1 | -1 }
  /** The details screen's size once drawn: lines beyond its room, and its room. */
  | { type: 'details-measured'; overflow: number; page: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'toggle-help' }
  | { type: 'toggle-lang' }
  | { type: 'reveal-hint' }
  | { type: 'grading-started'; ids: string[] }
  | { type: 'progress'; event: GradeProgress; at?: number }
  | { type: 'grading-finished'; ids: string[] }
  | { type: 'grading-failed'; message: string }
  | { type: 'notice'; notice: Localized }
  | { type: 'max-scores'; maxScores: Record<string, number> };

/** The state before anything was graded. */
export function initialState(
  exercises: ExerciseInfo[],
  lang: Lang,
  hintsShown: HintsShown = {},
  notices: Localized[] = [],
  notSelected: NotSelected[] = [],
): UiState {
  return {
    lang,
    screen: 'overview',
    help: false,
    exercises,
    notices,
    notSelected,
    selected: 0,
    detailsTop: 0,
    detailsLine: 0,
    detailsRoom: { overflow: 0, page: 1 },
    maxScores: Object.fromEntries(
      exercises.flatMap((ex) => (ex.maxScore === undefined ? [] : [[ex.id, ex.maxScore]])),
    ),
    results: {},
    running: {},
    current: {},
    waiting: [],
    hintsShown,
    hintsExhausted: null,
    firstRun: true,
    moved: false,
    failure: null,
  };
}

/** The exercise the student should work on next: the first, in course order, that does not pass. */
export function nextToDo(state: Pick<UiState, 'exercises' | 'results'>): number {
  const index = state.exercises.findIndex((ex) => state.results[ex.id]?.status !== 'pass');
  return index;
}

/** Points earned and available over every exercise graded so far. */
export function totals(state: Pick<UiState, 'exercises' | 'results'>): { score: number; maxScore: number } {
  return sumScores(state.exercises.flatMap((ex) => state.results[ex.id] ?? []));
}

/**
 * The course's total for the header: the points earned so far out of every exercise's points, or
 * `maxScore: null` while some exercise's points are not known yet (neither graded nor summed from its
 * checks). Never a partial maximum: "0/79" growing to "0/142" would misstate the course.
 */
export function courseTotal(state: Pick<UiState, 'exercises' | 'results' | 'maxScores'>): {
  score: number;
  maxScore: number | null;
} {
  const { score } = totals(state);
  const maxima = state.exercises.map((ex) => state.results[ex.id]?.maxScore ?? state.maxScores[ex.id]);
  if (maxima.some((max) => max === undefined)) return { score, maxScore: null };
  return {
    score,
    maxScore: sumScores(maxima.map((maxScore) => ({ maxScore: maxScore as number }))).maxScore,
  };
}

/** True when every exercise has a result, every one passes, and nothing is being graded. */
export function allPassed(state: UiState): boolean {
  return (
    state.exercises.length > 0 &&
    !isBusy(state) &&
    state.exercises.every((ex) => state.results[ex.id]?.status === 'pass')
  );
}

/** Something is being graded or waits to be. */
export function isBusy(state: Pick<UiState, 'running' | 'waiting'>): boolean {
  return state.waiting.length > 0 || Object.keys(state.running).length > 0;
}

/** The selected exercise (undefined only when there are none). */
export function selectedExercise(state: UiState): ExerciseInfo | undefined {
  return state.exercises[state.selected];
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** `current` without the exercise `id`. */
function withoutCurrent(current: Record<string, RunningCheck>, id: string): Record<string, RunningCheck> {
  const { [id]: _done, ...rest } = current;
  return rest;
}

function applyProgress(state: UiState, event: GradeProgress, at: number): UiState {
  switch (event.type) {
    case 'exercise-start':
      return {
        ...state,
        running: { ...state.running, [event.id]: [] },
        waiting: state.waiting.filter((id) => id !== event.id),
      };
    case 'check-start': {
      const { type: _type, exerciseId, ...check } = event;
      return { ...state, current: { ...state.current, [exerciseId]: { ...check, startedAt: at } } };
    }
    case 'check-done': {
      const done = state.running[event.exerciseId] ?? [];
      return {
        ...state,
        running: { ...state.running, [event.exerciseId]: [...done, event.result] },
        // Checks of a regrade run side by side (lanes): another one may be running already.
        current:
          state.current[event.exerciseId]?.checkId === event.result.id
            ? withoutCurrent(state.current, event.exerciseId)
            : state.current,
      };
    }
    case 'exercise-done': {
      const { [event.result.id]: _finished, ...running } = state.running;
      return {
        ...state,
        running,
        current: withoutCurrent(state.current, event.result.id),
        results: { ...state.results, [event.result.id]: event.result },
      };
    }
  }
}

/** Actions that are key presses: each one ends the "every hint is shown" note, except `h` itself. */
const KEY_ACTIONS: ReadonlySet<UiAction['type']> = new Set(['move', 'page', 'open', 'back', 'toggle-help']);

/** The one place the UI's state changes. */
export function reduce(state: UiState, action: UiAction): UiState {
  if (state.hintsExhausted !== null && KEY_ACTIONS.has(action.type))
    return reduceOnce({ ...state, hintsExhausted: null }, action);
  return reduceOnce(state, action);
}

function reduceOnce(state: UiState, action: UiAction): UiState {
  switch (action.type) {
    case 'move': {
      if (state.help) return state;
      if (state.screen === 'details') {
        const checks = state.results[selectedExercise(state)?.id ?? '']?.checks.length ?? 0;
        const detailsTop = clamp(state.detailsTop + action.by, 0, Math.max(0, checks - 1));
        return { ...state, detailsTop, detailsLine: 0 };
      }
      const last = state.exercises.length - 1;
      return { ...state, moved: true, selected: clamp(state.selected + action.by, 0, Math.max(0, last)) };
    }
    case 'open': {
      if (state.help || state.exercises.length === 0) return state;
      // Start at the first check that does not pass: that is what the student came to read.
      const checks = state.results[selectedExercise(state)?.id ?? '']?.checks ?? [];
      const firstProblem = checks.findIndex((c) => c.status !== 'pass');
      return { ...state, screen: 'details', detailsTop: Math.max(0, firstProblem), detailsLine: 0 };
    }
    case 'page': {
      if (state.help) return state;
      if (state.screen !== 'details') return reduceOnce(state, { type: 'move', by: 5 * action.by });
      // A page less one line, so the line at the bottom is read again at the top.
      const step = Math.max(1, state.detailsRoom.page - 1) * action.by;
      return { ...state, detailsLine: clamp(state.detailsLine + step, 0, state.detailsRoom.overflow) };
    }
    case 'details-measured': {
      const room = { overflow: Math.max(0, action.overflow), page: Math.max(1, action.page) };
      if (room.overflow === state.detailsRoom.overflow && room.page === state.detailsRoom.page) return state;
      return { ...state, detailsRoom: room, detailsLine: Math.min(state.detailsLine, room.overflow) };
    }
    case 'back':
      if (state.help) return { ...state, help: false };
      return { ...state, screen: 'overview' };
    case 'toggle-help':
      return { ...state, help: !state.help };
    case 'toggle-lang':
      return { ...state, lang: state.lang === 'ko' ? 'en' : 'ko' };
    case 'reveal-hint': {
      const ex = selectedExercise(state);
      if (!ex) return state;
      const shown = state.hintsShown[ex.id] ?? 0;
      // Pressing h again after the last hint must not look like a dead key: say so (HintPanel).
      if (shown >= ex.hints.length) return ex.hints.length > 0 ? { ...state, hintsExhausted: ex.id } : state;
      return { ...state, hintsShown: { ...state.hintsShown, [ex.id]: shown + 1 } };
    }
    case 'grading-started': {
      const waiting = [...state.waiting.filter((id) => !action.ids.includes(id)), ...action.ids];
      return { ...state, waiting, failure: null };
    }
    case 'progress':
      return applyProgress(state, action.event, action.at ?? 0);
    case 'grading-finished': {
      const running = { ...state.running };
      const current = { ...state.current };
      for (const id of action.ids) {
        delete running[id];
        delete current[id];
      }
      const waiting = state.waiting.filter((id) => !action.ids.includes(id));
      const next: UiState = { ...state, running, current, waiting, firstRun: false };
      // Rustlings-style: once the exercise in focus passes, the cursor moves on to the next one to do.
      const focused = selectedExercise(next);
      const currentPasses = focused !== undefined && next.results[focused.id]?.status === 'pass';
      if (next.screen === 'overview' && ((state.firstRun && !state.moved) || currentPasses)) {
        const todo = nextToDo(next);
        if (todo >= 0) next.selected = todo;
      }
      return next;
    }
    case 'grading-failed':
      return { ...state, running: {}, current: {}, waiting: [], failure: action.message, firstRun: false };
    case 'max-scores':
      return { ...state, maxScores: { ...state.maxScores, ...action.maxScores } };
    case 'notice':
      // Shown once: a problem that repeats (a watcher error on every event) adds no second line.
      if (state.notices.some((n) => n.en === action.notice.en && n.ko === action.notice.ko)) return state;
      return { ...state, notices: [...state.notices, action.notice] };
  }
}
