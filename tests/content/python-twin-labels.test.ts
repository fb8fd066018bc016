/**
 * A Python twin's label tells the truth (issues 15.7, 19.11): the label's
 * library is what the twin imports (trio -> "trio", asyncio -> "asyncio",
 * neither -> plain "Python"; components/PythonTwin.astro reads it with
 * src/lib/python-flavor.ts), a flavor="..." written on a page agrees with the
 * imports, both languages say the same thing about the same twin, and the
 * labels exist in both.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonFlavor } from '../../src/lib/python-flavor.ts';
import { twinUsages, type Usage } from './twin-usages.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import zh from '../../src/i18n/zh.json' with { type: 'json' };

const ROOT = join(import.meta.dirname, '../..');

const usages = [...twinUsages('en'), ...twinUsages('zh')];

describe('Python twin labels', () => {
  it('pythonFlavor reads the imports', () => {
    expect(pythonFlavor('import time\n\nimport trio\n')).toBe('trio');
    expect(pythonFlavor('import asyncio\n')).toBe('asyncio');
    expect(pythonFlavor('from collections import deque\n# asyncio is not imported\n')).toBe('python');
  });

  it('there are twins on the pages', () => {
    expect(usages.length).toBeGreaterThan(20);
  });

  it('the label strings exist in both languages', () => {
    for (const key of ['python.twin.same', 'python.twin.same.plain', 'python.twin.counterpart', 'python.twin.counterpart.plain']) {
      expect((en as Record<string, string>)[key], key).toBeTruthy();
      expect((zh as Record<string, string>)[key], key).toBeTruthy();
    }
  });

  it('a flavor="..." on a <PythonTwin> is what its .py imports', () => {
    const wrong = usages
      .map((u) => ({ u, actual: pythonFlavor(readFileSync(join(ROOT, 'content/examples', `${u.file}.py`), 'utf8')) }))
      .filter(({ u, actual }) => u.flavor !== undefined && u.flavor !== actual)
      .map(({ u, actual }) => `${u.page}:${u.line} ${u.file}: flavor=${u.flavor ?? '(none)'}, imports say ${actual}`);
    expect(wrong).toEqual([]);
  });

  it('relation is "same" or "counterpart", and both languages label a twin alike', () => {
    const bad = usages.filter((u) => u.relation !== undefined && u.relation !== 'same' && u.relation !== 'counterpart');
    expect(bad.map((u) => `${u.page}:${u.line}`)).toEqual([]);
    const key = (u: Usage): string => `${u.file} ${u.relation ?? 'same'}`;
    const enKeys = twinUsages('en').map(key).sort();
    expect(twinUsages('zh').map(key).sort()).toEqual(enKeys);
  });
});
