/**
 * The exercise format (issue 12): the contract between the engine
 * (src/exercises/, components/Exercises.astro, scripts/exercises-check.ts) and
 * the content (content/exercises/<page>.ts). The prose version, with the rules
 * for content, is in src/exercises/README.md.
 *
 * Program fields (`program`, `starter`, `solution`, `alternatives`) name files
 * relative to content/exercises/<page>/, e.g. 'tick.program.ts'; a Chinese
 * variant `<name>.zh.ts` beside one is used on the zh page when it exists.
 */

/** Reader-facing text in both languages (plain text; `code` spans in backticks are allowed). */
export interface Text {
  en: string;
  zh: string;
}

/** The languages an exercise is shown in. */
export type Lang = keyof Text;

interface Base {
  /** kebab-case, unique on the page; the DOM root carries data-exercise="<page>/<id>". */
  id: string;
  title: Text;
  /** The task, 1-4 sentences. */
  prompt: Text;
  /** Revealed one at a time (at least one). */
  hints: Text[];
  /** Shown after solving, or with the solution: why. */
  explanation: Text;
}

/** Put console lines in the order the run prints them. */
export interface PredictOrder extends Base {
  kind: 'predict-order';
  program: string;
  /**
   * The lines the reader orders (shown shuffled, deterministically); each must
   * equal one console line of the run exactly, in the page's language variant.
   * Graded against the order the real run printed them.
   */
  lines: { en: string[]; zh: string[] };
}

/** Type the virtual time (ms) at which a console line is printed. */
export interface PredictTime extends Base {
  kind: 'predict-time';
  program: string;
  /** The exact console line whose virtual time the reader types. */
  line: Text;
}

/** Fix a starter program so that every check holds on its run. */
export interface FixProgram extends Base {
  kind: 'fix';
  /** Must fail at least one check. */
  starter: string;
  /** Must pass every check. */
  solution: string;
  /** Other correct solutions, written differently (may be empty). Each must pass every check. */
  alternatives: string[];
  checks: Check[];
}

/** How the right choice of a culprit exercise is found. */
export type CulpritAnswer =
  /** The task of the longest `block` event (the loop stalled longest in it). */
  | { from: 'longest-block' }
  /** In the run's deadlock, what `task` (by name) waits on: the choice whose id equals the wait's `what` or kind. */
  | { from: 'deadlock-wait'; task: string }
  /** The choice whose id is the first console line. */
  | { from: 'first-line' }
  /** A fixed choice, whose `verify` checks must hold on the run (so the program cannot drift from the answer). */
  | { from: 'choice'; id: string; verify: Check[] };

/** Read a run and say which task or wait is to blame. */
export interface FindCulprit extends Base {
  kind: 'culprit';
  program: string;
  question: Text;
  /** For 'longest-block' a choice id is the task's name; see CulpritAnswer for the others. */
  choices: Array<{ id: string; label: Text }>;
  answer: CulpritAnswer;
}

export type Exercise = PredictOrder | PredictTime | FixProgram | FindCulprit;
export type ExerciseKind = Exercise['kind'];

/**
 * A console line: exact text, or a JS regex source applied to one line. With a
 * regex, `text` is what the reader is told instead of the pattern (e.g. the
 * line in their language); without it the pattern is shown.
 */
export type LineMatch = string | { regex: string; text?: Text };

/** A declarative check on a run's result and trace (evaluated inside the sandbox in the browser). */
export type Check =
  /** No uncaught error, no task that failed with nobody to see it. */
  | { check: 'no-error' }
  | { check: 'no-deadlock' }
  /** The run's last event at or before `ms` (virtual). */
  | { check: 'finishes-within'; ms: number }
  /** Every task spawned is done when the run ends. */
  | { check: 'no-task-left' }
  /** These lines appear in this order (other lines may interleave). */
  | { check: 'lines-in-order'; lines: LineMatch[] }
  | { check: 'line-count'; match: LineMatch; count: number }
  /** The first (or, with `all`, every) matching line is printed at or before `ms`; at least one must match. */
  | { check: 'line-by'; match: LineMatch; ms: number; all?: boolean }
  /** No synchronous block of the loop longer than `ms`. */
  | { check: 'max-block'; ms: number }
  /**
   * No queue (asyncio `Queue` and its kinds; with `queue`, only the one of that
   * name) ever holds more than `max` items: backpressure, from the trace's
   * `queue {put|get, size}` facts.
   */
  | { check: 'max-queue'; max: number; queue?: string }
  /** The task named `task` ended with `outcome`. */
  | { check: 'task-outcome'; task: string; outcome: 'ok' | 'error' | 'cancelled' }
  /** Those tasks' lifetimes (spawn to done) overlap: they ran concurrently. */
  | { check: 'overlap'; tasks: string[] };

export type CheckKind = Check['check'];
