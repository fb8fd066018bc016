/**
 * The exercises' client (loaded by components/Exercises.astro): for every
 * <article data-exercise> it reveals the Check button, turns the static hints
 * into "one at a time", makes the order list sortable, grades answers with
 * the pure grader (../grade.ts) - predictions and culprits against the facts
 * of the build's run, a fix program against the record its own sandboxed run
 * returned (../record.ts, ../run-event.ts) - and keeps a mark per solved
 * exercise in localStorage. No reader code runs here: the page only reads the
 * record the runtime made inside the sandbox (src/exercises/README.md).
 */
import type { RunFacts } from '../facts.ts';
import { gradeChecks, gradeCulprit, gradePredictOrder, gradePredictTime, type Grade } from '../grade.ts';
import { factsFromRecord } from '../record.ts';
import { RUN_RECORD_EVENT } from '../run-event.ts';
import type { Check, Lang } from '../schema.ts';
import type { CulpritKey } from '../grade.ts';
import type { RunRecord } from '../../playground/protocol.ts';
import { restore } from '../../playground/storage.ts';
import { makeOrderable } from './order.ts';
import { renderVerdict } from './verdict.ts';
import { isSolved, markSolved, solvedOn } from './progress.ts';
import { translator, type Translate } from './strings.ts';

/** What the component embeds per exercise (Exercise.astro `data`). */
interface ExerciseData {
  kind: 'predict-order' | 'predict-time' | 'fix' | 'culprit';
  checks?: Check[];
  facts?: RunFacts;
  line?: string;
  key?: CulpritKey;
}

const store = (() => {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
})();

function mountSection(section: HTMLElement): void {
  const lang = (section.dataset.lang === 'zh' ? 'zh' : 'en') as Lang;
  const t = translator(JSON.parse(section.dataset.strings ?? '{}') as Record<string, string>);
  const articles = [...section.querySelectorAll<HTMLElement>('section[data-exercise]')];
  const progress = section.querySelector<HTMLElement>('[data-progress]');
  const showProgress = () => {
    if (!progress) return;
    const solved = articles.filter((a) => isSolved(store, a.dataset.exercise!)).length;
    progress.textContent = t('exercises.progress', { solved, total: articles.length });
    progress.hidden = false;
    markSidebar(t);
  };
  for (const article of articles) mountExercise(article, lang, t, showProgress);
  showProgress();
}

function mountExercise(article: HTMLElement, lang: Lang, t: Translate, onSolved: () => void): void {
  const key = article.dataset.exercise!;
  const data = JSON.parse(article.querySelector('[data-exercise-data]')?.textContent ?? '{}') as ExerciseData;
  const result = article.querySelector<HTMLElement>('[data-result]')!;
  const mark = article.querySelector<HTMLElement>('[data-mark]')!;
  const answer = article.querySelector<HTMLDetailsElement>('[data-answer]');

  const setSolved = () => {
    mark.hidden = false;
    article.dataset.solved = '';
  };
  if (isSolved(store, key)) setSolved();

  /** Shows a verdict; a pass marks the exercise solved. */
  const show = (grade: Grade) => {
    const failed = grade.results.filter((r) => !r.pass).length;
    const summary = data.kind === 'fix' ? (grade.pass ? t('exercises.allPassed') : t('exercises.someFailed', { failed, total: grade.results.length })) : grade.pass ? `✓ ${t('exercises.passed')}` : `✗ ${t('exercises.failed')}`;
    renderVerdict(result, grade, summary, t, article.querySelector<HTMLElement>('[data-playground]'), (text) => (announcer.textContent = text));
    if (grade.pass) {
      markSolved(store, key);
      setSolved();
      onSolved();
    }
  };
  const say = (text: string, verdict?: string) => {
    result.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    if (verdict) result.dataset.verdict = verdict;
    else delete result.dataset.verdict;
  };

  mountHints(article, t);
  const announcer = Object.assign(document.createElement('p'), { className: 'ex-sr-only' });
  announcer.setAttribute('aria-live', 'polite');
  article.append(announcer);

  const check = article.querySelector<HTMLButtonElement>('[data-check]');
  article.querySelector<HTMLElement>('[data-actions]')?.removeAttribute('hidden');

  switch (data.kind) {
    case 'predict-order': {
      const list = article.querySelector<HTMLOListElement>('[data-lines]')!;
      const order = makeOrderable(list, t, (text) => (announcer.textContent = text), () => say(''));
      check?.addEventListener('click', () => show(gradePredictOrder(order(), data.facts!, lang)));
      break;
    }
    case 'predict-time': {
      const input = article.querySelector<HTMLInputElement>('[data-time]')!;
      const grade = () => show(gradePredictTime(data.line!, input.value, data.facts!, lang));
      check?.addEventListener('click', grade);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          grade();
        }
      });
      break;
    }
    case 'culprit': {
      check?.addEventListener('click', () => {
        const picked = article.querySelector<HTMLInputElement>('[data-choices] input:checked');
        if (!picked) return say(t('exercises.pickOne'), 'fail');
        show(gradeCulprit(picked.value, data.key!, lang));
      });
      break;
    }
    case 'fix': {
      const playground = article.querySelector<HTMLElement>('[data-playground]')!;
      let pending = false;
      check?.addEventListener('click', () => {
        pending = true;
        say(t('exercises.checking'));
        playground.querySelector<HTMLButtonElement>('[data-run]')?.click();
      });
      playground.addEventListener(RUN_RECORD_EVENT, (event) => {
        if (!pending) return;
        pending = false;
        const record = (event as CustomEvent<RunRecord | undefined>).detail;
        if (!record) return say(t('exercises.noRecord'), 'fail');
        show(gradeChecks(data.checks ?? [], factsFromRecord(record), lang));
      });
      // The reader's code beside the reference when they open the solution.
      answer?.addEventListener('toggle', () => {
        if (!answer.open) return;
        const yours = article.querySelector<HTMLElement>('[data-yours]');
        const original = JSON.parse(playground.querySelector('[data-source]')?.textContent ?? '""') as string;
        const saved = store ? restore(store, playground.dataset.page ?? '', playground.dataset.example ?? '', original) : { kind: 'original' as const };
        if (!yours || saved.kind !== 'edited') return;
        yours.querySelector('[data-yours-code]')!.textContent = saved.code;
        yours.hidden = false;
      });
      break;
    }
  }
}

/**
 * A mark beside each page in the sidebar whose exercises the reader solved
 * some of (counted from localStorage; the page's link ends with /<slug>/).
 */
function markSidebar(t: Translate): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href]')) {
    const slug = link.pathname.split('/').filter(Boolean).at(-1) ?? '';
    const n = solvedOn(store, slug);
    let mark = link.querySelector<HTMLElement>('.ex-sidebar-mark');
    if (n === 0) {
      mark?.remove();
      continue;
    }
    if (!mark) {
      mark = document.createElement('span');
      mark.className = 'ex-sidebar-mark';
      link.append(' ', mark);
    }
    // The sign is for the eye; a screen reader hears the sentence.
    const sign = Object.assign(document.createElement('span'), { textContent: `✓${n}` });
    sign.setAttribute('aria-hidden', 'true');
    mark.replaceChildren(sign, Object.assign(document.createElement('span'), { className: 'ex-sr-only', textContent: t('exercises.sidebarSolved', { n }) }));
    mark.title = t('exercises.sidebarSolved', { n });
  }
}

/** Hints one at a time: the static <details> list becomes a button that reveals the next hint. */
function mountHints(article: HTMLElement, t: Translate): void {
  const box = article.querySelector<HTMLElement>('[data-hints]');
  const items = box ? [...box.querySelectorAll<HTMLLIElement>('details li')] : [];
  if (!box || items.length === 0) return;
  const list = document.createElement('ol');
  list.className = 'ex-hint-list';
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.hint = '';
  const label = () => {
    const n = list.children.length;
    button.textContent = n < items.length ? t('exercises.hint', { n: n + 1, total: items.length }) : t('exercises.noMoreHints');
    button.disabled = n >= items.length;
  };
  button.addEventListener('click', () => {
    const next = items[list.children.length];
    if (!next) return;
    next.tabIndex = -1;
    list.append(next);
    label();
    next.focus();
  });
  label();
  box.replaceChildren(button, list);
}

for (const section of document.querySelectorAll<HTMLElement>('section[data-exercises]')) mountSection(section);
