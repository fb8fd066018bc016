/**
 * A grade as the reader sees it: a summary line, then one line per result with
 * its sign (named for screen readers), its sentence, and for a failed result
 * with a moment a "Show on the timeline" button (timeline-link.ts). Used by the
 * exercises (index.ts) and a page playground's prediction (prediction.ts).
 */
import type { Grade } from '../grade.ts';
import type { Translate } from './strings.ts';
import { timelineButton } from './timeline-link.ts';

/** Renders text with `code` spans as nodes (textContent only: nothing is parsed as HTML). */
export function inline(text: string): Node[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? Object.assign(document.createElement('code'), { textContent: part }) : document.createTextNode(part)));
}

/** Fills `result` with `grade`; `playground` is where a moment is shown (null: no buttons); `say` speaks in the caller's live region. */
export function renderVerdict(result: HTMLElement, grade: Grade, summaryText: string, t: Translate, playground: HTMLElement | null, say: (text: string) => void): void {
  const summary = document.createElement('p');
  summary.className = grade.pass ? 'ex-pass' : 'ex-fail';
  summary.textContent = summaryText;
  const list = document.createElement('ul');
  for (const r of grade.results) {
    const li = document.createElement('li');
    li.className = r.pass ? 'ex-pass' : 'ex-fail';
    if (r.at !== undefined) li.dataset.at = String(r.at);
    const icon = Object.assign(document.createElement('span'), { className: 'ex-icon', textContent: r.pass ? '✓ ' : '✗ ' });
    icon.setAttribute('aria-label', r.pass ? t('exercises.passed') : t('exercises.failed'));
    li.append(icon, ...inline(r.message));
    // A failed line points at its moment; a pass needs no explaining.
    const link = !r.pass && r.at !== undefined && playground ? timelineButton(playground, r.at, t, say) : null;
    if (link) li.append(' ', link);
    list.append(li);
  }
  result.replaceChildren(summary, list);
  result.dataset.verdict = grade.pass ? 'pass' : 'fail';
}
