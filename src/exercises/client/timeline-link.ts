/**
 * "Show on the timeline": a verdict that points at a moment (`at`, virtual ms)
 * gets a button that puts the exercise playground's timeline playhead there
 * and focuses the timeline, so the reader sees why. The timeline is the
 * playground's own (src/playground/timeline-panel.ts, moved through
 * SCRUB_REQUEST_EVENT); its live region announces the playhead and this
 * module's announcer says it too. When the playground has not run yet (a
 * prediction is graded from the build's run) or sits in the closed answer,
 * the button opens it and runs it first. Test: tests/browser/exercises-timeline.test.ts.
 */
import { formatMs } from '../../trace/format-ms.ts';
import { SCRUB_REQUEST_EVENT, type ScrubRequest } from '../run-event.ts';
import type { Translate } from './strings.ts';

/** The button for one verdict line, pointing into `playground`'s timeline. */
export function timelineButton(playground: HTMLElement, at: number, t: Translate, say: (text: string) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'ex-timeline-link';
  button.dataset.showAt = String(at);
  button.textContent = t('exercises.showOnTimeline');
  button.setAttribute('aria-label', t('exercises.showOnTimelineAt', { at: formatMs(at) }));
  button.addEventListener('click', () => void showOnTimeline(playground, at).then((ok) => ok && say(t('exercises.movedPlayhead', { at: formatMs(at) }))));
  return button;
}

/** Moves the playhead to `at` and focuses the timeline; resolves false when no timeline could be shown. */
async function showOnTimeline(playground: HTMLElement, at: number): Promise<boolean> {
  // A prediction's playground sits in "Run it and see" inside the closed answer: open every disclosure around it.
  for (let d = playground.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  const panel = playground.querySelector<HTMLElement>('[data-timeline]');
  if (!panel) return false;
  if (!drawn(panel)) {
    playground.querySelector<HTMLButtonElement>('[data-run]')?.click();
    if (!(await until(panel, () => drawn(panel)))) return false;
  }
  panel.dispatchEvent(new CustomEvent<ScrubRequest>(SCRUB_REQUEST_EVENT, { detail: { t: at } }));
  const plot = panel.querySelector<HTMLElement>('.tl-plot');
  plot?.scrollIntoView({ block: 'nearest' });
  plot?.focus();
  return true;
}

/** The panel shows a run's timeline (mount.ts publishes data-lanes once drawn). */
const drawn = (panel: HTMLElement) => !panel.hidden && panel.dataset.lanes !== undefined && panel.querySelector('.tl-plot') !== null;

/** Resolves true when `ok()` holds after a change under `panel`, false if the run ends without it (60 s of no change). */
function until(panel: HTMLElement, ok: () => boolean): Promise<boolean> {
  return new Promise((resolve) => {
    let timer = 0;
    const observer = new MutationObserver(() => {
      if (!ok()) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    observer.observe(panel, { attributes: true, childList: true, subtree: true });
    // A run that draws no timeline (compile error, Stop) must not leave a listener behind.
    timer = window.setTimeout(() => {
      observer.disconnect();
      resolve(ok());
    }, 60_000);
  });
}
