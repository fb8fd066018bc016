// When is a Pagefind result a real match? Pagefind marks the words it matched
// in each excerpt; when no indexed word starts with a query word it falls back
// to shorter prefixes of it, down to one letter ("x" for "xylophone", "量" for
// "量子"). A result counts when one of its marked words shares at least three
// leading letters with a query word (two for Chinese, where a word is one or
// two characters), or the whole query word when it is shorter: "time" finds
// "timers", "running" finds "runs" (same stem), "q" finds "queue".
// Pure. Tests: tests/site/search-match.test.ts and tests/browser/search.test.ts.

/** Split text into lower-cased words (letters and digits; "asyncio.Queue" is two). */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** The words of a query, lower-cased. */
export function queryTerms(query: string): string[] {
  return words(query);
}

/** The words Pagefind marked in an excerpt (`<mark>word</mark>`), lower-cased. */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>(.*?)<\/mark>/gsu)].flatMap((m) => words(m[1]!));
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Whether marked words show a real match for one of the terms (no marks at all: trust Pagefind). */
export function isRealMatch(terms: readonly string[], marked: readonly string[]): boolean {
  if (marked.length === 0) return true;
  return terms.some((term) => {
    const chars = [...term];
    const needed = Math.min(chars.length, CJK.test(term) ? 2 : 3);
    return marked.some((word) => sharedPrefix(chars, [...word]) >= needed);
  });
}

function sharedPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
