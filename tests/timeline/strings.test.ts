import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../../src/i18n/placeholders.ts';
import { STOP_REASONS } from '../../src/contract/trace-vocabulary.ts';
import { WAIT_KINDS } from '../../src/timeline/styles.ts';
import { formatter, stopReasonKey, TIMELINE_KEYS, waitKey } from '../../src/timeline/strings.ts';

const en = JSON.parse(readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const zh = JSON.parse(readFileSync(new URL('../../src/i18n/zh.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('timeline strings', () => {
  it('every timeline key of en.json is translated in zh.json, with the same placeholders', () => {
    expect(TIMELINE_KEYS).toEqual(Object.keys(en).filter((k) => k.startsWith('timeline.')));
    for (const key of TIMELINE_KEYS) {
      expect(zh[key], key).toBeTruthy();
      expect(zh[key], key).not.toBe(en[key]);
      // Placeholders survive translation.
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(names(zh[key]!), key).toEqual(names(en[key]!));
    }
  });
  it('names every stop reason in words, so a Chinese reader never sees "已停止：time-limit"', () => {
    for (const reason of STOP_REASONS) expect(TIMELINE_KEYS, reason).toContain(stopReasonKey(reason));
  });
  it('names every wait kind', () => {
    for (const kind of WAIT_KINDS) expect(TIMELINE_KEYS, kind).toContain(waitKey(kind));
  });
  it('formats placeholders and falls back to the English of en.json', () => {
    const t = formatter({ 'timeline.blockedFor': '循环阻塞 {ms} 毫秒' });
    expect(t('timeline.blockedFor', { ms: 20 })).toBe('循环阻塞 20 毫秒');
    expect(t('timeline.zoomIn')).toBe(en['timeline.zoomIn']);
  });
});

describe('placeholders', () => {
  it('fills known names and leaves unknown ones as written', () => {
    expect(fillPlaceholders('{a} of {b}', { a: 1 })).toBe('1 of {b}');
    expect(fillPlaceholders('{a}{a}', { a: 'x' })).toBe('xx');
    expect(fillPlaceholders('no vars {a}')).toBe('no vars {a}');
  });
});
