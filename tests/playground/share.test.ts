// Share links: the code round-trips through the fragment; damaged or
// oversized fragments give nothing rather than garbage.
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { codeFromHash, MAX_SHARED_CHARS, shareUrl } from '../../src/playground/share.ts';

describe('share links', () => {
  const code = "import { sleep } from 'miniloop';\nawait sleep(100);\nconsole.log('你好, ä & = # ?');\n";
  test('the link opens the full-page playground of the language, under the base path', () => {
    const url = shareUrl('http://127.0.0.1:4321', '/guides/async/', 'zh', code);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4321\/guides\/async\/zh\/playground\/#code=[A-Za-z0-9+\-$]+$/);
  });
  test('code round-trips through the fragment', () => {
    const url = new URL(shareUrl('http://x', '/', 'en', code));
    expect(codeFromHash(url.hash)).toBe(code);
    expect(codeFromHash(url.hash.slice(1))).toBe(code);
  });
  test('other fragment parameters are tolerated', () => {
    expect(codeFromHash(`#x=1&code=${compressToEncodedURIComponent(code)}&y=2`)).toBe(code);
  });
  test('no code, empty code, damaged code, oversized code: nothing', () => {
    expect(codeFromHash('')).toBeUndefined();
    expect(codeFromHash('#section-2')).toBeUndefined();
    expect(codeFromHash('#code=')).toBeUndefined();
    expect(codeFromHash('#code=%%%')).toBeUndefined();
    expect(codeFromHash(`#code=${compressToEncodedURIComponent('x'.repeat(MAX_SHARED_CHARS + 1))}`)).toBeUndefined();
  });
});
