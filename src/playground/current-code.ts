/**
 * What a playground's editor shows right now, for another script of the page
 * (Run Python's Compare, src/python/compare.ts, runs the reader's TypeScript,
 * not the page's). A mounted playground answers a synchronous DOM event with
 * its editor's text (controller.ts); one not mounted yet shows its saved edit
 * when it has one (the loader mounts it at once to show it) and the example
 * otherwise. tests/browser/python-edits.test.ts holds it.
 */
import { hook } from './hooks.ts';
import { restore } from './storage.ts';

const CURRENT_CODE_EVENT = 'miniloop:current-code';

interface Question {
  code?: string;
}

/** The controller's side: answer "what does your editor show?" with `read()`. */
export function answerCurrentCode(root: HTMLElement, read: () => string): void {
  root.addEventListener(CURRENT_CODE_EVENT, (event) => {
    (event as CustomEvent<Question>).detail.code = read();
  });
}

/** The text the reader sees in the playground `root`, and whether it differs from the page's example. */
export function currentCode(root: HTMLElement): { code: string; original: string; edited: boolean } {
  let original: string;
  try {
    original = JSON.parse(hook(root, 'source')?.textContent ?? '""') as string;
  } catch {
    original = '';
  }
  const question: Question = {};
  root.dispatchEvent(new CustomEvent<Question>(CURRENT_CODE_EVENT, { detail: question }));
  let code = question.code;
  if (code === undefined) {
    try {
      const saved = restore(localStorage, root.dataset.page ?? '', root.dataset.example ?? '', original);
      code = saved.kind === 'original' ? original : saved.code;
    } catch {
      code = original;
    }
  }
  return { code, original, edited: code !== original };
}
