/**
 * `npm run exercises:check [PAGE...]`: every exercise of content/exercises/,
 * in both languages, run in Node on the same runtime as the playground
 * (src/compiler/node.ts + src/runtime/program.ts, with the playground's
 * budgets) and graded as the page grades it (src/exercises/verify.ts): each
 * reference solution and alternative must pass, each starter must fail (its
 * message, as a reader would see it, is printed), each predict/culprit program
 * must pass with the right answer and fail with a wrong one. Ends with
 * `N exercises: N solutions pass, N starters fail`; exits 1 on any mismatch.
 * Held in `npm test` by tests/exercises/check.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileInNode } from '../src/compiler/node.ts';
import { analyse, type RunFacts } from '../src/exercises/facts.ts';
import type { Exercise, Lang } from '../src/exercises/schema.ts';
import { verifyExercise } from '../src/exercises/verify.ts';
import { PLAYGROUND_LIMITS } from '../src/playground/protocol.ts';
import { runProgram } from '../src/runtime/program.ts';

const root = resolve(process.env.EXERCISES_ROOT ?? join(import.meta.dirname, '..', 'content', 'exercises'));
const only = process.argv.slice(2);
const LANGS: Lang[] = ['en', 'zh'];

const pages = readdirSync(root)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((page) => only.length === 0 || only.includes(page))
  .sort();

let total = 0;
let solutionsPass = 0;
let startersFail = 0;
let mismatches = 0;
const ids = new Set<string>();

for (const page of pages) {
  const dir = join(root, page);
  let exercises: Exercise[];
  try {
    exercises = ((await import(pathToFileURL(join(root, `${page}.ts`)).href)) as { default: Exercise[] }).default;
  } catch (error) {
    console.log(`${page}: cannot load ${page}.ts: ${(error as Error).message}`);
    mismatches++;
    continue;
  }
  const exists = (name: string) => existsSync(join(dir, name));
  const run = async (name: string, lang: Lang): Promise<RunFacts> => {
    const path = join(dir, name);
    const compiled = await compileInNode(readFileSync(path, 'utf8'), `${page}/${name}`);
    if (!compiled.ok) throw new Error(`${name} does not compile: ${compiled.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
    const result = runProgram(compiled, { ...PLAYGROUND_LIMITS, lang });
    return analyse(result.trace, result.problems);
  };
  for (const exercise of exercises) {
    const key = `${page}/${exercise.id}`;
    total++;
    let pass = true;
    let fail = true;
    const notes: string[] = [];
    if (ids.has(key)) notes.push(`the id ${exercise.id} is used twice on the page`);
    ids.add(key);
    for (const lang of LANGS) {
      const v = await verifyExercise(exercise, lang, exists, run);
      pass &&= v.solutionsPass;
      fail &&= v.starterFails;
      for (const p of v.problems) notes.push(`[${lang}] ${p}`);
      if (v.starterFails) console.log(`${key} [${lang}] ${exercise.kind}: ${exercise.kind === 'fix' ? 'starter' : 'a wrong answer'} -> ${v.starterMessage}`);
    }
    if (pass) solutionsPass++;
    if (fail) startersFail++;
    if (!pass || !fail || notes.length) {
      mismatches++;
      for (const note of notes) console.log(`${key}: MISMATCH ${note}`);
    }
  }
}

console.log(`${total} exercises: ${solutionsPass} solutions pass, ${startersFail} starters fail`);
process.exitCode = mismatches > 0 || total === 0 ? 1 : 0;
