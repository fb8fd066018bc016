// Every exercise program (content/exercises/<page>/*.ts: programs, starters, solutions, alternatives, zh
// variants) type-checks in the editor's setup, as tests/playground/dts.test.ts holds for the examples (same
// checker: tests/playground/editor-typecheck.ts): a reader opening a starter sees no red squiggle that is not the exercise's bug.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateDeclarations } from '../../scripts/dts.mjs';
import { editorTypeCheck } from '../playground/editor-typecheck.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const EXERCISES = join(ROOT, 'content/exercises');
let files: Record<string, string>;

beforeAll(() => {
  files = generateDeclarations();
}, 60_000);

/** Type-checks `source` as the editor does (tests/playground/editor-typecheck.ts). */
const check = (source: string): string[] => editorTypeCheck(source, files);

const programs = readdirSync(EXERCISES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.parentPath !== EXERCISES)
  .map((e) => join(e.parentPath, e.name).slice(EXERCISES.length + 1))
  .sort();

describe('exercise programs type-check as the editor checks them', () => {
  test('there are programs to check, and the checker sees a wrong call', () => {
    expect(programs.length).toBeGreaterThan(0);
    expect(check("import { sleep } from 'miniloop';\nawait sleep('soon');")).toHaveLength(1);
  });
  test.each(programs)('%s', (name) => {
    expect(check(readFileSync(join(EXERCISES, name), 'utf8'))).toEqual([]);
  });
});
