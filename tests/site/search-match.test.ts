// Which Pagefind results are real matches (components/search-match.ts). The
// marked words below are what Pagefind 1.x returned for these queries on this
// site's index (checked in Chromium by tests/browser/search.test.ts).
import { describe, expect, it } from 'vitest';
import { isRealMatch, markedWords, queryTerms } from '../../components/search-match.ts';

const real = (query: string, ...marked: string[]): boolean => isRealMatch(queryTerms(query), marked.flatMap((m) => markedWords(`<mark>${m}</mark>`)));

describe('search: real matches', () => {
  it("rejects Pagefind's fallback to a one-letter prefix", () => {
    expect(real('xylophone', 'x', 'x')).toBe(false);
    expect(real('量子', '量')).toBe(false);
  });
  it('keeps prefix and stem matches', () => {
    expect(real('virtual time', 'Timers.', 'time,')).toBe(true);
    expect(real('running', 'runs')).toBe(true);
    expect(real('q', 'asyncio.Queue', 'q.get()')).toBe(true);
    expect(real('虚拟时间', '虚拟', '时间')).toBe(true);
    expect(real('console.log', "console.log('a:")).toBe(true);
  });
  it('reads marked words out of an excerpt', () => {
    expect(markedWords('a <mark>Timers.</mark> b <mark>asyncio.Queue</mark>')).toEqual(['timers', 'asyncio', 'queue']);
  });
});
