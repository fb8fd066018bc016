// Client half of components/Toc.astro: open the contents where they sit beside
// the article, and mark the link of the section being read (aria-current).
// Tests: "table of contents" in tests/browser/pages.test.ts.

/** Beside the article from this width on (global.css moves the ToC above it below). */
export const SIDE_BY_SIDE = '(min-width: 72.01rem)';

/** A heading counts as the one being read once its top passes this share of the viewport. */
const READING_LINE = 0.25;

/** Wire one table of contents. */
export function attachToc(nav: HTMLElement): void {
  const fold = nav.querySelector<HTMLDetailsElement>('[data-toc-fold]');
  const media = window.matchMedia(SIDE_BY_SIDE);
  const place = (): void => {
    if (fold) fold.open = media.matches;
  };
  place();
  media.addEventListener('change', place);

  const links = [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
  const targets = links.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))));
  let frame = 0;
  const spy = (): void => {
    frame = 0;
    const line = window.innerHeight * READING_LINE;
    let current = 0;
    targets.forEach((el, i) => {
      if (el && el.getBoundingClientRect().top <= line) current = i;
    });
    links.forEach((a, i) => {
      if (i === current) a.setAttribute('aria-current', 'location');
      else a.removeAttribute('aria-current');
    });
  };
  const schedule = (): void => {
    frame ||= requestAnimationFrame(spy);
  };
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule);
  spy();
}
