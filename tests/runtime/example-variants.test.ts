// A Chinese variant of an example (<name>.zh.ts beside <name>.ts, picked for
// zh pages by src/playground/examples.ts) is the same program as the English
// one (issue 15.2): with comments removed and string literals blanked (template
// literals keep their ${...} expressions), the code is identical; and a run
// prints the same number of lines, at the same virtual times, from the same tasks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runSource } from './run-source.ts';

const DIR = resolve(import.meta.dirname, '../../content/examples');
const variants = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.zh.ts'))
  .sort();

/** The code without comments, with every string's text replaced by a marker. */
export function skeleton(src: string): string {
  let out = '';
  let i = 0;
  const skipString = (quote: string): number => {
    let j = i + 1;
    while (src[j] !== quote) j += src[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  while (i < src.length) {
    if (src.startsWith('//', i)) {
      const j = src.indexOf('\n', i);
      i = j < 0 ? src.length : j;
    } else if (src.startsWith('/*', i)) {
      i = src.indexOf('*/', i) + 2;
    } else if (src[i] === "'" || src[i] === '"') {
      i = skipString(src[i]!);
      out += 'S';
    } else if (src[i] === '`') {
      // Keep the ${...} expressions of a template literal, drop its text.
      let j = i + 1;
      const parts: string[] = [];
      while (src[j] !== '`') {
        if (src[j] === '\\') j += 2;
        else if (src.startsWith('${', j)) {
          let depth = 1;
          let k = j + 2;
          while (depth > 0) {
            if (src[k] === '{') depth++;
            else if (src[k] === '}') depth--;
            k++;
          }
          parts.push(src.slice(j + 2, k - 1).replace(/\s+/g, ''));
          j = k;
        } else j++;
      }
      out += `T(${parts.join('|')})`;
      i = j + 1;
    } else {
      out += src[i];
      i++;
    }
  }
  return out.replace(/\s+/g, '');
}

describe('skeleton', () => {
  test('ignores comments and string text, keeps code and template expressions', () => {
    expect(skeleton("f('a', `x ${n} y`); // hi")).toBe(skeleton('f("b", `z ${n}`); /* c */'));
    expect(skeleton('f(`${a}`)')).not.toBe(skeleton('f(`${b}`)'));
    expect(skeleton('f(1)')).not.toBe(skeleton('f(2)'));
  });
});

describe.each(variants)('%s', (zh) => {
  const en = zh.replace(/\.zh\.ts$/, '.ts');
  const zhSource = readFileSync(join(DIR, zh), 'utf8');
  const enSource = readFileSync(join(DIR, en), 'utf8');

  test('is the English program with only comments and strings changed', () => {
    expect(skeleton(zhSource)).toBe(skeleton(enSource));
  });

  test('prints as many lines, at the same virtual times, from the same tasks', async () => {
    const shape = async (source: string) =>
      (await runSource(source)).lines.map((l) => `${l.t} ${l.task} ${l.level}`);
    expect(await shape(zhSource)).toEqual(await shape(enSource));
  });
});
