/**
 * The phone editor's tokenizer (src/playground/ts-tokens.ts): it colours, it
 * never loses or changes a character, and the HTML it makes is escaped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from '../../scripts/content/examples.ts';
import { highlightHtml, tokenize } from '../../src/playground/ts-tokens.ts';

const ROOT = join(import.meta.dirname, '../..');
const kinds = (source: string) => tokenize(source).filter((t) => t.kind).map((t) => `${t.kind}:${t.text}`);

describe('ts-tokens', () => {
  it('names comments, strings, templates, numbers, keywords, calls and types', () => {
    const source = "import { sleep } from 'miniloop';\n// wait\nconst n = 1_000 + 0x1f; /* two */\nawait sleep(n);\nconsole.log(`${n} ms`, \"done\", new Promise(() => {}));";
    expect(kinds(source)).toEqual([
      'keyword:import', 'keyword:from', "string:'miniloop'", 'comment:// wait', 'keyword:const', 'number:1_000', 'number:0x1f', 'comment:/* two */',
      'keyword:await', 'function:sleep', 'function:log', 'string:`${n} ms`', 'string:"done"', 'keyword:new', 'function:Promise',
    ]);
    expect(kinds('let x: Map<string, Task> = y1;')).toEqual(['keyword:let', 'type:Map', 'type:Task']);
  });

  it('gives back every example exactly, and unfinished strings or comments too', () => {
    const sources = exampleFiles(ROOT).map((f) => readFileSync(f.source, 'utf8'));
    sources.push("const s = 'open", '/* open comment', '`a ${b', 'x = "\\"";\n');
    for (const source of sources) expect(tokenize(source).map((t) => t.text).join('')).toBe(source);
  });

  it('escapes what it puts in HTML', () => {
    expect(highlightHtml("if (a < b && c > '<i>') {}")).toBe(
      '<span class="tok-keyword">if</span> (a &lt; b &amp;&amp; c &gt; <span class="tok-string">\'&lt;i&gt;\'</span>) {}',
    );
  });
});
