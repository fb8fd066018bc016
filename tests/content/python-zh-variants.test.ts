/**
 * A Python twin's Chinese variant `<name>.zh.py` (issue 15.2) is the same
 * program as `<name>.py`: Python's own tokenizer gives the same tokens once
 * comments and docstrings are dropped, so the printed strings are identical
 * and the recorded `<name>.py.out` holds for both. And a Chinese page shows
 * the variant (src/lib/python-twin-source.ts, used by components/PythonTwin.astro).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonTwinPath } from '../../src/lib/python-twin-source.ts';

const EXAMPLES = join(import.meta.dirname, '../../content/examples');

const variants = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.zh.py'))
  .sort();

// Tokens without comments, blank-line NLs and docstrings (a string that is a
// whole statement), one JSON list per file, read by CPython's tokenize.
const TOKENS = `
import json, sys, tokenize
out = []
for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        toks = [t for t in tokenize.tokenize(f.readline) if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.ENCODING)]
    keep = []
    for i, t in enumerate(toks):
        prev = toks[i - 1].type if i else tokenize.NEWLINE
        nxt = toks[i + 1].type if i + 1 < len(toks) else tokenize.NEWLINE
        if t.type == tokenize.STRING and prev in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) and nxt == tokenize.NEWLINE:
            continue
        keep.append([tokenize.tok_name[t.type], t.string])
    out.append(keep)
print(json.dumps(out))
`;

function tokens(...files: string[]): unknown[][] {
  return JSON.parse(execFileSync('python3', ['-c', TOKENS, ...files], { encoding: 'utf8' })) as unknown[][];
}

describe('Chinese variants of the Python twins', () => {
  it('the token comparison sees a changed printed string and ignores comments and docstrings', () => {
    const [a, b, c] = tokens(
      join(EXAMPLES, 'asyncio/gather.py'),
      join(EXAMPLES, 'asyncio/gather.py'),
      join(EXAMPLES, 'asyncio/tasks.py'),
    );
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('there are Chinese variants', () => {
    expect(variants.length).toBeGreaterThan(10);
  });

  it.each(variants)('%s is the same program as its .py, with Chinese comments', (zhFile) => {
    const zhPath = join(EXAMPLES, zhFile);
    const enPath = zhPath.replace(/\.zh\.py$/, '.py');
    expect(existsSync(enPath), `${zhFile} has no ${enPath}`).toBe(true);
    const [en, zh] = tokens(enPath, zhPath);
    expect(zh).toEqual(en);
    expect(readFileSync(zhPath, 'utf8')).toMatch(/\p{Script=Han}/u);
  });

  it('a Chinese page shows the .zh.py, an English page the .py; a twin without a variant shows its .py in both', () => {
    const files = {
      '/content/examples/asyncio/gather.py': 'en',
      '/content/examples/asyncio/gather.zh.py': 'zh',
      '/content/examples/trio/nursery.py': 'en only',
    };
    expect(pythonTwinPath(files, 'asyncio/gather', 'zh')).toBe('/content/examples/asyncio/gather.zh.py');
    expect(pythonTwinPath(files, 'asyncio/gather', 'en')).toBe('/content/examples/asyncio/gather.py');
    expect(pythonTwinPath(files, 'trio/nursery', 'zh')).toBe('/content/examples/trio/nursery.py');
    expect(pythonTwinPath(files, 'trio/missing', 'zh')).toBeUndefined();
  });

  it('the component picks the twin through pythonTwinPath', () => {
    const component = readFileSync(join(import.meta.dirname, '../../components/PythonTwin.astro'), 'utf8');
    expect(component).toMatch(/pythonTwinPath\(files, file, lang\)/);
  });
});
