import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatter, pickTimelineStrings, TIMELINE_EN, TIMELINE_KEYS } from '../../src/timeline/strings.ts';

const en = JSON.parse(readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const zh = JSON.parse(readFileSync(new URL('../../src/i18n/zh.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('timeline strings', () => {
  it('every key is in en.json with the English text of strings.ts, and translated in zh.json', () => {
    for (const key of TIMELINE_KEYS) {
      expect(en[key], key).toBe(TIMELINE_EN[key]);
      expect(zh[key], key).toBeTruthy();
      expect(zh[key], key).not.toBe(en[key]);
      // Placeholders survive translation.
      const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
      expect(names(zh[key]!), key).toEqual(names(en[key]!));
    }
  });
  it('formats placeholders and falls back to English', () => {
    const t = formatter({ 'timeline.blockedFor': '循环阻塞 {ms} 毫秒' });
    expect(t('timeline.blockedFor', { ms: 20 })).toBe('循环阻塞 20 毫秒');
    expect(t('timeline.zoomIn')).toBe('Zoom in');
  });
  it('picks strings from a translate function, skipping keys it does not know', () => {
    const picked = pickTimelineStrings((k) => (k === 'timeline.zoomIn' ? '放大' : k));
    expect(picked).toEqual({ 'timeline.zoomIn': '放大' });
  });
});
