/**
 * A language variant of an example (content/examples/<page>/<name>.zh.ts,
 * issue 15.2) is the same program as <name>.ts: the same tokens once strings
 * and comments are set aside (and so the same syntax tree apart from the text
 * of its literals), and, when run, the same status and the same console lines
 * at the same virtual times from the same tasks. Only what a reader reads
 * (comments, printed text) may differ. This file is the rule's one home.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { exampleFiles } from '../../scripts/content/examples.ts';
import { programShape, shapeDifference } from '../../scripts/content/variants.ts';
import { runSource } from '../runtime/run-source.ts';

const ROOT = join(import.meta.dirname, '../..');
const files = exampleFiles(ROOT);
const variants = files.filter((f) => f.lang);

/** The parser's view of a program: node kinds, names and numbers, with the text of string and template pieces left out. */
function syntaxShape(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const kind = ts.SyntaxKind[node.kind];
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isNumericLiteral(node)) out.push(`${kind}:${node.text}`);
    else out.push(kind);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('program shape', () => {
  it('ignores strings, templates and comments, and nothing else', () => {
    const en = 'const n = 2; // two\nconsole.log(`${n} tasks`, "done");';
    const zh = 'const n = 2; // 两个\nconsole.log(`${n} 个任务`, "完成");';
    expect(shapeDifference(en, zh)).toBeUndefined();
    expect(shapeDifference(en, zh.replace('2', '3'))).toMatch(/token 4/);
    expect(programShape('`a${`b${c}`}d`')).toEqual(['`…${', '`…${', 'c', '}…`', '}…`']);
    expect(syntaxShape(zh)).toEqual(syntaxShape(en));
    expect(syntaxShape(zh.replace('2', '3'))).not.toEqual(syntaxShape(en));
  });
});

describe('language variants of the examples', () => {
  it('there is at least one variant, and a Chinese one', () => {
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.some((v) => v.lang === 'zh')).toBe(true);
  });

  for (const variant of variants) {
    const base = files.find((f) => f.id === variant.id && !f.lang);
    it(`${variant.id}.${variant.lang}.ts is the same program as ${variant.id}.ts`, async () => {
      expect(base, `${variant.id}.${variant.lang}.ts has no ${variant.id}.ts`).toBeDefined();
      const [en, other] = [readFileSync(base!.source, 'utf8'), readFileSync(variant.source, 'utf8')];
      expect(shapeDifference(en, other)).toBeUndefined();
      expect(syntaxShape(other)).toEqual(syntaxShape(en));
      // runSource throws on a compile error, naming it.
      const [a, b] = [await runSource(en), await runSource(other)];
      expect(b.status).toBe(a.status);
      const when = (r: typeof a): string[] => r.lines.map((l) => `${l.t} ${l.task}`);
      expect(when(b), 'the same number of lines at the same virtual times, from the same tasks').toEqual(when(a));
      expect(existsSync(variant.out), `${variant.id}.${variant.lang}.out is missing: npm run examples:update ${variant.id}`).toBe(true);
    });
  }
});
