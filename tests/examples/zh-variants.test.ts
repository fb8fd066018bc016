/**
 * Every Chinese variant of an example (content/examples/<page>/<name>.zh.ts,
 * issue 15.2) is the same program as its English original: the same syntax
 * tree once string literals and comments are set aside, and, when run, the
 * same console lines at the same virtual times from the same tasks. Only
 * what a reader reads (comments, printed text) may differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { runSource } from '../runtime/run-source.ts';

const DIR = resolve(import.meta.dirname, '../../content/examples');
const variants = readdirSync(DIR, { recursive: true, encoding: 'utf8' })
  .map((f) => f.split('\\').join('/'))
  .filter((f) => f.endsWith('.zh.ts'))
  .sort();

/** The program's shape: node kinds, names and numbers, with the text of string and template pieces left out. */
function shape(source: string): string[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    const kind = ts.SyntaxKind[node.kind];
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) out.push(`${kind}:${node.text}`);
    else if (ts.isNumericLiteral(node)) out.push(`${kind}:${node.text}`);
    else out.push(kind);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('Chinese example variants', () => {
  test.each(variants)('%s is the same program as its original', async (variant) => {
    const original = variant.replace(/\.zh\.ts$/, '.ts');
    expect(existsSync(join(DIR, original)), `${original} exists`).toBe(true);
    const zh = readFileSync(join(DIR, variant), 'utf8');
    const en = readFileSync(join(DIR, original), 'utf8');
    expect(shape(zh)).toEqual(shape(en));
    const [a, b] = [await runSource(en), await runSource(zh)];
    expect(b.status).toBe(a.status);
    expect(b.lines.map((l) => `${l.t} ${l.task}`)).toEqual(a.lines.map((l) => `${l.t} ${l.task}`));
  });
});
