// Client half of components/Search.astro. Kept tiny: the Pagefind bundle
// (JS + WebAssembly + index chunks) is fetched only on first intent.
// Tests: tests/browser/search.test.ts.
import { fillPlaceholders } from '../src/i18n/placeholders.ts';
import { isRealMatch, markedWords, queryTerms } from './search-match.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}
interface PagefindApi {
  options(opts: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, opts?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results shown at most. */
const MAX_RESULTS = 8;
/** Results whose text is fetched to tell real matches from Pagefind's fallback prefix matches. */
const CHECKED_RESULTS = 20;
/** The URL parameter that carries the query to the page a result opens (highlightLanding reads it). */
export const HIGHLIGHT_PARAM = 'hl';

/** Wires one search form: lazy-load on intent, search as the reader types, arrow keys through the results. */
export function attachSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('[data-search-input]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const list = form.querySelector<HTMLOListElement>('[data-search-results]')!;
  const text = form.dataset;
  let api: Promise<PagefindApi> | undefined;

  const load = (): Promise<PagefindApi> => {
    api ??= (async () => {
      // A runtime URL under the base path, not a bundled module: Pagefind's
      // files are written by `pagefind --site dist` after the Astro build.
      const pagefind = (await import(/* @vite-ignore */ text.bundle!)) as PagefindApi;
      await pagefind.options({ baseUrl: text.base });
      await pagefind.init();
      return pagefind;
    })();
    return api;
  };

  const show = (message: string) => {
    panel.hidden = false;
    status.textContent = message;
  };

  const run = async () => {
    const query = input.value.trim();
    if (query === '') {
      panel.hidden = true;
      list.replaceChildren();
      return;
    }
    let pagefind: PagefindApi;
    try {
      if (!list.childElementCount) show(text.loading ?? '');
      pagefind = await load();
    } catch {
      show(text.failed ?? '');
      return;
    }
    const search = await pagefind.debouncedSearch(query, {}, 150);
    if (search === null) return; // superseded by a newer keystroke
    const checked = await Promise.all(search.results.slice(0, CHECKED_RESULTS).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    // When no word matches, Pagefind falls back to shorter prefixes ("x" for "xylophone",
    // "量" for "量子"): those are not results the reader asked for.
    const terms = queryTerms(query);
    const real = checked.filter((d) => isRealMatch(terms, [d.excerpt, ...(d.sub_results ?? []).map((s) => s.excerpt)].flatMap(markedWords)));
    const count = real.length + Math.max(0, search.results.length - CHECKED_RESULTS);
    list.replaceChildren(...real.slice(0, MAX_RESULTS).map((d) => renderResult(d, query)));
    show(
      count === 0
        ? fillPlaceholders(text.noResults ?? '', { query })
        : count === 1
          ? (text.resultsOne ?? '')
          : fillPlaceholders(text.results ?? '', { count }),
    );
  };

  input.addEventListener('focus', () => void load().catch(() => {}), { once: true });
  form.addEventListener('pointerenter', () => void load().catch(() => {}), { once: true });
  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Keyboard: Down from the box enters the results, Up and Down move through them,
  // Up from the first goes back to the box, Escape clears and returns to the box.
  form.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a')];
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (event.key === 'Escape') {
      input.value = '';
      input.focus();
      void run();
    } else if (event.key === 'ArrowDown' && links.length > 0 && (event.target === input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]!).focus();
    }
  });
  // The panel floats over the page: hide it when focus leaves the search, show
  // it again when the reader comes back to a query that still has results.
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) panel.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '' && list.childElementCount > 0) panel.hidden = false;
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, [contenteditable="true"]');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
    }
  });
}

/**
 * One result: the page's title and the section that matches best (Pagefind's
 * sub-results, one per heading), linking to that section with the query, so
 * the page it opens can mark the words (highlightLanding).
 */
function renderResult(result: PagefindResultData, query: string): HTMLLIElement {
  const best = bestSection(result);
  const item = document.createElement('li');
  const link = document.createElement('a');
  const target = new URL(best?.url ?? result.url, location.href);
  target.searchParams.set(HIGHLIGHT_PARAM, query);
  link.href = `${target.pathname}${target.search}${target.hash}`;
  const page = result.meta.title ?? result.url;
  const pageTitle = document.createElement('span');
  pageTitle.className = 'search-page';
  pageTitle.textContent = page;
  link.append(pageTitle);
  if (best && best.title && best.title !== page) {
    const section = document.createElement('span');
    section.className = 'search-section';
    section.textContent = best.title;
    link.append(' › ', section);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is text from our own pages with <mark> around hits,
  // produced at build time from this site's HTML, so it is safe to insert.
  excerpt.innerHTML = best?.excerpt ?? result.excerpt;
  item.append(link, excerpt);
  return item;
}

/** The sub-result (section) with the most hits; the first of equals. */
function bestSection(result: PagefindResultData): PagefindSubResult | null {
  let best: PagefindSubResult | null = null;
  for (const sub of result.sub_results ?? []) if (!best || (sub.locations?.length ?? 0) > (best.locations?.length ?? 0)) best = sub;
  return best;
}

/**
 * On a page opened from a search result: mark the query's words in the section
 * the link points at (or the whole article), mark that section's heading, and
 * take the query off the address so a copied link stays clean.
 */
export function highlightLanding(doc: Document = document): void {
  const url = new URL(doc.location.href);
  const query = url.searchParams.get(HIGHLIGHT_PARAM);
  if (!query) return;
  url.searchParams.delete(HIGHLIGHT_PARAM);
  doc.defaultView?.history.replaceState(doc.defaultView.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  const article = doc.querySelector<HTMLElement>('[data-pagefind-body], main');
  if (!article) return;
  const id = decodeURIComponent(url.hash.slice(1));
  const heading = id ? doc.getElementById(id) : null;
  const section: Element[] = [];
  if (heading && /^H[1-6]$/.test(heading.tagName) && heading.tagName !== 'H1') {
    heading.classList.add('search-target');
    const level = Number(heading.tagName[1]);
    for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      if (/^H[1-6]$/.test(el.tagName) && Number(el.tagName[1]) <= level) break;
      section.push(el);
    }
  } else section.push(article);
  const terms = queryTerms(query).filter((t) => t.length > 0);
  if (terms.length === 0) return;
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  for (const root of section) {
    if (root.closest('[data-pagefind-ignore]')) continue;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest('script, style, mark, [data-pagefind-ignore], [data-playground]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    const nodes: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    for (const node of nodes) {
      const value = node.data;
      pattern.lastIndex = 0;
      if (!pattern.test(value)) continue;
      pattern.lastIndex = 0;
      const frag = doc.createDocumentFragment();
      let last = 0;
      for (const m of value.matchAll(pattern)) {
        frag.append(value.slice(last, m.index));
        const mark = doc.createElement('mark');
        mark.className = 'search-hit';
        mark.textContent = m[0];
        frag.append(mark);
        last = m.index + m[0].length;
      }
      frag.append(value.slice(last));
      node.replaceWith(frag);
    }
  }
}
