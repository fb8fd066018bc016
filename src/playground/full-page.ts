/**
 * What only the full-page playground has: the gallery of the guide's examples
 * (a click loads one into the editor) and the splitter between the editor and
 * the console (drag, or arrow keys on the focused separator; Home/End).
 * tests/browser/full-page.test.ts.
 */

/** One example the gallery can load. */
export interface GalleryExample {
  source: string;
  expected: string;
}

/** Wires the gallery's buttons; `pick` loads an example. Returns a function that marks the current one. */
export function mountGallery(nav: HTMLElement, pick: (id: string, example: GalleryExample) => void): (id: string | undefined) => void {
  const examples = JSON.parse(nav.querySelector('[data-gallery-examples]')?.textContent ?? '{}') as Record<string, GalleryExample>;
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>('button[data-example-id]')];
  const mark = (id: string | undefined) => {
    for (const b of buttons) {
      if (b.dataset.exampleId === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    }
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      const id = button.dataset.exampleId!;
      const example = examples[id];
      if (!example) return;
      pick(id, example);
      mark(id);
    });
  }
  return mark;
}

/** The share of the width the editor takes, in percent, bounded like the separator's aria-valuemin/max. */
const clamp = (value: number) => Math.min(80, Math.max(20, Math.round(value)));

/** Makes `separator` resize the editor against the console in `body` (a CSS variable on `root`). */
export function mountSplitter(root: HTMLElement, body: HTMLElement, separator: HTMLElement): void {
  const set = (percent: number) => {
    const value = clamp(percent);
    root.style.setProperty('--pg-split', `${value}%`);
    separator.setAttribute('aria-valuenow', String(value));
  };
  separator.addEventListener('keydown', (event) => {
    const now = Number(separator.getAttribute('aria-valuenow') ?? 60);
    const step = event.shiftKey ? 10 : 2;
    const next = { ArrowLeft: now - step, ArrowRight: now + step, Home: 20, End: 80 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  });
  separator.addEventListener('pointerdown', (event) => {
    separator.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => {
      const box = body.getBoundingClientRect();
      set(((e.clientX - box.left) / box.width) * 100);
    };
    const up = () => {
      separator.removeEventListener('pointermove', move);
      separator.removeEventListener('pointerup', up);
    };
    separator.addEventListener('pointermove', move);
    separator.addEventListener('pointerup', up);
  });
}
