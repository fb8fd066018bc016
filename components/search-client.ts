// Client half of components/Search.astro. Kept tiny: the Pagefind bundle
// (JS + WebAssembly + index chunks) is fetched only on first intent.

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface PagefindApi {
  options(opts: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, opts?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const MAX_RESULTS = 8;

/** Wires one search form: lazy-load on intent, search as the reader types. */
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
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    if (input.value.trim() !== query) return;
    list.replaceChildren(...data.map(renderResult));
    show(
      data.length === 0
        ? (text.noResults ?? '').replace('{query}', query)
        : (text.results ?? '').replace('{count}', String(search.results.length)),
    );
  };

  input.addEventListener('focus', () => void load().catch(() => {}), { once: true });
  form.addEventListener('pointerenter', () => void load().catch(() => {}), { once: true });
  input.addEventListener('input', () => void run());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      void run();
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

function renderResult(result: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is text from our own pages with <mark> around hits,
  // produced at build time from this site's HTML, so it is safe to insert.
  excerpt.innerHTML = result.excerpt;
  item.append(link, excerpt);
  return item;
}
