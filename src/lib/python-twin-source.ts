// Which file a Python twin shows (issue 15.2): on a Chinese page the twin's
// Chinese variant `<name>.zh.py` when it exists - the same program with its
// comments and docstrings in Chinese, printed strings untouched so the
// recorded `<name>.py.out` holds for both (tests/content/python-zh-variants.test.ts);
// otherwise `<name>.py`. Mirrors the `.zh.ts` pick of src/playground/examples.ts.
import type { Lang } from './locales.ts';

/**
 * The path (a key of the glob of /content/examples/**\/*.py) that the twin
 * `file` ('<page>/<name>') shows in `lang`; undefined when the twin does not exist.
 */
export function pythonTwinPath(files: Readonly<Record<string, string>>, file: string, lang: Lang): string | undefined {
  const base = `/content/examples/${file}.py`;
  const zh = `/content/examples/${file}.zh.py`;
  if (lang === 'zh' && files[zh] !== undefined) return zh;
  return files[base] !== undefined ? base : undefined;
}
