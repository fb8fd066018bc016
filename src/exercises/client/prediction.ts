/**
 * A page playground that asks first (<Playground predict>,
 * components/exercises/PlaygroundPrediction.astro): the reader orders the
 * program's output lines (order.ts), "Check my prediction" runs the playground
 * right after it, and the order is graded against the record that run returned
 * from the sandbox (../record.ts, the same grader as a predict-order exercise).
 * Until a run, the playground's expected output is hidden (it is the answer).
 * Browser test: tests/browser/exercises-timeline.test.ts.
 */
import { gradePredictOrder, type Grade } from '../grade.ts';
import { factsFromRecord } from '../record.ts';
import { RUN_RECORD_EVENT } from '../run-event.ts';
import type { Lang } from '../schema.ts';
import type { RunRecord } from '../../playground/protocol.ts';
import { makeOrderable } from './order.ts';
import { translator } from './strings.ts';
import { renderVerdict } from './verdict.ts';

function mountPrediction(block: HTMLElement): void {
  // The playground follows the block (Astro may put the block's <script> between them).
  let playground = block.nextElementSibling as HTMLElement | null;
  while (playground?.tagName === 'SCRIPT') playground = playground.nextElementSibling as HTMLElement | null;
  if (!playground?.matches('[data-playground]')) return;
  const lang = (block.dataset.lang === 'zh' ? 'zh' : 'en') as Lang;
  const t = translator(JSON.parse(block.dataset.strings ?? '{}') as Record<string, string>);
  const result = block.querySelector<HTMLElement>('[data-result]')!;
  const announcer = Object.assign(document.createElement('p'), { className: 'ex-sr-only' });
  announcer.setAttribute('aria-live', 'polite');
  block.append(announcer);
  const say = (text: string, verdict?: string) => {
    result.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    if (verdict) result.dataset.verdict = verdict;
    else delete result.dataset.verdict;
  };
  const order = makeOrderable(block.querySelector<HTMLOListElement>('[data-lines]')!, t, (text) => (announcer.textContent = text), () => say(''));
  block.hidden = false;
  playground.dataset.predicting = '';

  let pending: string[] | null = null;
  block.querySelector<HTMLButtonElement>('[data-check-prediction]')!.addEventListener('click', () => {
    pending = order();
    say(t('exercises.checking'));
    playground.querySelector<HTMLButtonElement>('[data-run]')?.click();
  });
  playground.addEventListener(RUN_RECORD_EVENT, (event) => {
    // Any run shows the real output, so the expected output need not hide any more.
    delete playground.dataset.predicting;
    if (!pending) return;
    const answer = pending;
    pending = null;
    const record = (event as CustomEvent<RunRecord | undefined>).detail;
    if (!record) return say(t('exercises.noRecord'), 'fail');
    let grade: Grade;
    try {
      grade = gradePredictOrder(answer, factsFromRecord(record), lang);
    } catch {
      // The run never printed one of the lines: the reader changed the program.
      return say(t('exercises.predictionOther'), 'fail');
    }
    renderVerdict(result, grade, grade.pass ? `✓ ${t('exercises.passed')}` : `✗ ${t('exercises.failed')}`, t, playground, (text) => (announcer.textContent = text));
  });
}

for (const block of document.querySelectorAll<HTMLElement>('[data-predict]')) mountPrediction(block);
