/**
 * The Problems list beside the console (the TypeScript Playground's Errors
 * tab): how many type or compile errors the code has and on which lines; a
 * click (or Enter) on one puts the cursor on its line in the editor. Hidden
 * while there is none. tests/browser/editor.test.ts.
 */
import type { PlaygroundKey } from './strings.ts';

type T = (key: PlaygroundKey, vars?: Record<string, string | number>) => string;

/** One problem at a 1-based line and column. */
export interface Problem {
  line: number;
  column: number;
  message: string;
}

export class ProblemsView {
  readonly #root: HTMLElement;
  readonly #t: T;
  readonly #reveal: (line: number, column: number) => void;
  /** Problems by source ('types' from the editor, 'compile' from the last compile). */
  readonly #by = new Map<string, Problem[]>();

  constructor(root: HTMLElement, t: T, reveal: (line: number, column: number) => void) {
    this.#root = root;
    this.#t = t;
    this.#reveal = reveal;
  }

  /** Replaces the problems of one source and redraws. */
  set(source: 'types' | 'compile', problems: Problem[]): void {
    this.#by.set(source, problems);
    this.#draw();
  }

  #draw(): void {
    // A compile error usually is also a type error on the same line: list each line and message once.
    const seen = new Set<string>();
    const all: Problem[] = [];
    for (const list of this.#by.values()) {
      for (const p of list) {
        const key = `${p.line}:${p.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        all.push(p);
      }
    }
    all.sort((a, b) => a.line - b.line || a.column - b.column);
    this.#root.hidden = all.length === 0;
    this.#root.dataset.count = String(all.length);
    if (!all.length) {
      this.#root.replaceChildren();
      return;
    }
    const title = document.createElement('p');
    title.className = 'pg-problems-title';
    title.textContent = this.#t('playground.problems', { count: all.length });
    const list = document.createElement('ul');
    for (const p of all) {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.line = String(p.line);
      button.textContent = `${this.#t('playground.problemLine', { line: p.line })}: ${p.message}`;
      button.addEventListener('click', () => this.#reveal(p.line, p.column));
      item.append(button);
      list.append(item);
    }
    this.#root.replaceChildren(title, list);
  }
}
