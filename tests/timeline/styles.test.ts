import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOR_KEYS, cssVar, DARK_PALETTE, LIGHT_PALETTE, spanLook, WAIT_KINDS, WAIT_PATTERN } from '../../src/timeline/styles.ts';

describe('looks per wait kind', () => {
  it('every wait kind has its own pattern, so kinds differ without colour', () => {
    const patterns = WAIT_KINDS.map((k) => WAIT_PATTERN[k]);
    expect(new Set(patterns).size).toBe(WAIT_KINDS.length);
  });
  it('every wait kind has its own colour in both themes', () => {
    for (const palette of [LIGHT_PALETTE, DARK_PALETTE]) {
      const colours = WAIT_KINDS.map((k) => palette[`wait-${k}`].toLowerCase());
      expect(new Set(colours).size).toBe(WAIT_KINDS.length);
    }
  });
  it('running, ready and waiting differ by pattern and height, not only colour', () => {
    const running = spanLook('running');
    const ready = spanLook('ready');
    const waits = WAIT_KINDS.map((k) => spanLook('waiting', k));
    expect(running.height).toBeGreaterThan(ready.height);
    expect(waits.map((w) => w.pattern)).not.toContain(ready.pattern);
    expect(waits.map((w) => w.pattern)).not.toContain('outline');
    for (const w of waits) expect(w.height).toBeLessThan(running.height);
  });
});

describe('timeline.css', () => {
  const css = readFileSync(new URL('../../src/timeline/timeline.css', import.meta.url), 'utf8');
  it('defines every colour variable with the palette values, light first, then dark twice (data-theme and the system preference)', () => {
    for (const key of COLOR_KEYS) {
      const decls = [...css.matchAll(new RegExp(`${cssVar(key)}:\\s*([^;]+);`, 'g'))].map((m) => m[1]!.trim());
      expect(decls, key).toEqual([LIGHT_PALETTE[key], DARK_PALETTE[key], DARK_PALETTE[key]]);
    }
  });
  it('follows the site theme switches', () => {
    expect(css).toContain(":root[data-theme='dark']");
    expect(css).toContain("(prefers-color-scheme: dark)");
    expect(css).toContain(":root:not([data-theme='light'])");
  });
});
