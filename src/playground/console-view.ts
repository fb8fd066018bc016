/**
 * The console panel (role="log"): one block per run, earlier runs collapsed
 * (a <details> the reader can reopen) and at most KEEP_RUNS of them kept;
 * each line shows its virtual time, task and text (already formatted like
 * Node's by the runtime), its level as a class (and a sign for warn/error).
 * A run keeps LINE_CAP lines and reports how many more there were.
 */
import { CappedList, LINE_CAP } from './output.ts';
import type { WireLine, WireProblem } from './protocol.ts';
import type { PlaygroundKey } from './strings.ts';

/** Earlier runs kept (collapsed) above the current one. */
export const KEEP_RUNS = 5;

type T = (key: PlaygroundKey, vars?: Record<string, string | number>) => string;

/** One run's block in the console. */
export class RunBlock {
  readonly element: HTMLDetailsElement;
  readonly #body: HTMLElement;
  readonly #lines = new CappedList<WireLine>(LINE_CAP);
  readonly #t: T;
  readonly #onDraw: () => void;
  #moreNote: HTMLElement | undefined;
  #pending: WireLine[] = [];
  #frame = 0;

  constructor(element: HTMLDetailsElement, t: T, onDraw: () => void = () => {}) {
    this.element = element;
    this.#t = t;
    this.#onDraw = onDraw;
    this.#body = document.createElement('div');
    this.#body.className = 'pg-run-lines';
    element.append(this.#body);
  }

  /** Lines kept so far. */
  get lines(): readonly WireLine[] {
    return this.#lines.items;
  }

  /**
   * Adds lines; they are drawn once per animation frame, however many
   * messages arrive in between (layout is the expensive part of a flood).
   */
  addLines(batch: readonly WireLine[]): void {
    const kept = this.#lines.push(batch);
    if (!kept.length) return;
    for (const line of kept) this.#pending.push(line);
    this.#frame ||= requestAnimationFrame(() => this.draw());
  }

  /** Draws the lines that are waiting (called before anything is added after them). */
  draw(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    if (!this.#pending.length) return;
    const fragment = document.createDocumentFragment();
    for (const line of this.#pending) fragment.append(renderLine(line, this.#t));
    this.#pending = [];
    this.#body.append(fragment);
    this.#onDraw();
  }

  /** Shows how many lines were printed beyond what is kept (`total` from the runner when known). */
  noteTotal(total: number): void {
    this.draw();
    const hidden = Math.max(total, this.#lines.total) - this.#lines.items.length;
    if (hidden <= 0) return;
    this.#moreNote ??= this.note('');
    this.#moreNote.textContent = this.#t('playground.more', { count: hidden.toLocaleString() });
  }

  /**
   * The run printed more than the head it streamed: a note with how many lines
   * are not shown, then its last lines (`tail`), so a runaway program shows
   * where it ended up.
   */
  addTail(tail: readonly WireLine[], total: number): void {
    this.draw();
    const shown = this.#lines.items.length + tail.length;
    const skipped = this.note(this.#t('playground.more', { count: Math.max(0, total - shown).toLocaleString() }));
    skipped.classList.add('pg-skipped');
    this.#lines.push(tail);
    const fragment = document.createDocumentFragment();
    for (const line of tail) fragment.append(renderLine(line, this.#t));
    this.element.append(fragment);
    this.#onDraw();
  }

  /** A plain-language note at the end of the block (finished, stopped...). */
  note(text: string): HTMLElement {
    this.draw();
    const p = document.createElement('p');
    p.className = 'pg-note';
    p.textContent = text;
    this.element.append(p);
    return p;
  }

  /** A problem the runtime reported (uncaught error with its stack, deadlock, budget) or a compile error. */
  problem(problem: WireProblem | string): void {
    this.draw();
    const pre = document.createElement('pre');
    pre.className = 'pg-problem';
    pre.dataset.kind = typeof problem === 'string' ? 'compile' : problem.kind;
    pre.textContent = typeof problem === 'string' ? problem : problem.message;
    this.element.append(pre);
  }
}

/** A virtual time as a reader wants it: whole ms from 100 on, three significant digits below (580.013 → 580). */
export function roundedMs(t: number): string {
  return String(Math.abs(t) >= 100 || Number.isInteger(t) ? Math.round(t) : Number(t.toPrecision(3)));
}

function renderLine(line: WireLine, translate: T): HTMLElement {
  const row = document.createElement('div');
  row.className = `pg-line pg-level-${line.level}`;
  row.dataset.level = line.level;
  const t = document.createElement('span');
  t.className = 'pg-t';
  t.textContent = `${roundedMs(line.t)} ms`;
  // The exact time the trace knows, on hover (and to screen readers when it differs).
  if (roundedMs(line.t) !== String(line.t)) t.title = translate('playground.exactTime', { t: line.t });
  const task = document.createElement('span');
  task.className = 'pg-task';
  task.textContent = line.task;
  const text = document.createElement('pre');
  text.className = 'pg-text';
  text.textContent = line.text;
  row.append(t, task, text);
  return row;
}

/** The whole panel. */
export class ConsoleView {
  readonly #panel: HTMLElement;
  readonly #t: T;
  #runs = 0;

  constructor(panel: HTMLElement, t: T) {
    this.#panel = panel;
    this.#t = t;
  }

  /** Starts a new run block; collapses the earlier ones and drops the oldest. */
  startRun(): RunBlock {
    this.#panel.querySelector('[data-expected]')?.remove();
    const earlier = [...this.#panel.querySelectorAll<HTMLDetailsElement>('details.pg-run-block')];
    for (const block of earlier) block.open = false;
    for (const block of earlier.slice(0, Math.max(0, earlier.length - (KEEP_RUNS - 1)))) block.remove();
    const details = document.createElement('details');
    details.className = 'pg-run-block';
    details.open = true;
    const summary = document.createElement('summary');
    summary.textContent = this.#t('playground.runTitle', { n: ++this.#runs });
    details.append(summary);
    this.#panel.append(details);
    return new RunBlock(details, this.#t, () => this.scrollToEnd());
  }

  /** Empties the panel (the reader's Clear). */
  clear(): void {
    this.#panel.replaceChildren();
  }

  scrollToEnd(): void {
    this.#panel.scrollTop = this.#panel.scrollHeight;
  }
}
