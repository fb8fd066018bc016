import { describe, expect, test } from 'vitest';
import { pageUrl, withBase } from '../../src/lib/urls.ts';
import { isLang, otherLang } from '../../src/lib/locales.ts';
import { normalizeBase } from '../../scripts/serve.mjs';

describe('base-path helpers', () => {
  test('withBase prefixes paths for the root and for a sub-path', () => {
    expect(withBase('theme-init.js', '/')).toBe('/theme-init.js');
    expect(withBase('/en/', '/guides/async/')).toBe('/guides/async/en/');
    expect(withBase('pagefind/pagefind.js', '/guides/async')).toBe('/guides/async/pagefind/pagefind.js');
  });

  test('pageUrl builds /<base><lang>/<slug>/ and the language index', () => {
    expect(pageUrl('zh', 'event-loop', '/')).toBe('/zh/event-loop/');
    expect(pageUrl('en', undefined, '/guides/async/')).toBe('/guides/async/en/');
  });

  test('normalizeBase accepts the usual spellings', () => {
    for (const input of ['guides/async', '/guides/async', '/guides/async/', 'guides/async/']) expect(normalizeBase(input)).toBe('/guides/async/');
    expect(normalizeBase('')).toBe('/');
    expect(normalizeBase('/')).toBe('/');
  });

  test('languages', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang('toString')).toBe(false);
    expect(otherLang('en')).toBe('zh');
  });
});
