/**
 * The proof behind `npm run exercises:check`: for one exercise in one
 * language, run its programs and grade them as the page would - the reference
 * solution and every alternative must pass, the starter must fail; a predict
 * or culprit program graded with the right answer must pass and with a wrong
 * one must fail. The runner is passed in (Node's compiler and runtime in the
 * script; a fake in tests/exercises/verify.test.ts).
 */
import type { RunFacts } from './facts.ts';
import { programFor } from './files.ts';
import { culpritKey, gradeChecks, gradeCulprit, gradePredictOrder, gradePredictTime, lineTime, runOrder, type Grade } from './grade.ts';
import type { Exercise, Lang } from './schema.ts';

/** Runs the program in file `name` (relative to the page's folder) and returns its facts. */
export type RunFile = (name: string, lang: Lang) => Promise<RunFacts>;

/** What one exercise in one language showed. */
export interface Verification {
  /** The solution(s) or right answer passed. */
  solutionsPass: boolean;
  /** The starter or wrong answer failed. */
  starterFails: boolean;
  /** What went wrong, in plain words (empty when both hold). */
  problems: string[];
  /** The message a reader sees for the starter / wrong answer. */
  starterMessage: string;
}

const failing = (grade: Grade) => grade.results.filter((r) => !r.pass).map((r) => r.message).join(' ');

/** Shape rules the type cannot say (non-empty texts, at least one hint, unique choices...). */
export function shapeProblems(exercise: Exercise): string[] {
  const problems: string[] = [];
  const texts = [exercise.title, exercise.prompt, exercise.explanation, ...exercise.hints];
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(exercise.id)) problems.push(`id ${JSON.stringify(exercise.id)} is not kebab-case`);
  if (exercise.hints.length === 0) problems.push('needs at least one hint');
  if (texts.some((t) => !t.en.trim() || !t.zh.trim())) problems.push('a title, prompt, hint or explanation is empty in one language');
  if (exercise.kind === 'predict-order' && (exercise.lines.en.length < 2 || exercise.lines.en.length !== exercise.lines.zh.length)) problems.push('lines: at least two, as many in zh as in en');
  if (exercise.kind === 'culprit' && new Set(exercise.choices.map((c) => c.id)).size !== exercise.choices.length) problems.push('choice ids repeat');
  if (exercise.kind === 'fix' && exercise.checks.length === 0) problems.push('a fix exercise needs checks');
  return problems;
}

/** Verify `exercise` in `lang`; `exists` says which files the page's folder has. */
export async function verifyExercise(exercise: Exercise, lang: Lang, exists: (name: string) => boolean, run: RunFile): Promise<Verification> {
  const problems = shapeProblems(exercise);
  const file = (name: string) => programFor(name, lang, exists);
  for (const name of exercise.kind === 'fix' ? [exercise.starter, exercise.solution, ...exercise.alternatives] : [exercise.program]) {
    if (!exists(name)) problems.push(`${name} does not exist`);
  }
  if (problems.length) return { solutionsPass: false, starterFails: false, problems, starterMessage: '' };
  let solutionsPass = true;
  let starterFails = true;
  let starterMessage = '';
  try {
    switch (exercise.kind) {
      case 'fix': {
        for (const name of [exercise.solution, ...exercise.alternatives]) {
          const grade = gradeChecks(exercise.checks, await run(file(name), lang), lang);
          if (!grade.pass) {
            solutionsPass = false;
            problems.push(`${file(name)} must pass but fails: ${failing(grade)}`);
          }
        }
        const grade = gradeChecks(exercise.checks, await run(file(exercise.starter), lang), lang);
        starterMessage = failing(grade);
        if (grade.pass) {
          starterFails = false;
          problems.push(`${file(exercise.starter)} must fail a check but passes them all`);
        }
        break;
      }
      case 'predict-order': {
        const facts = await run(file(exercise.program), lang);
        const order = runOrder(exercise.lines[lang], facts);
        if (typeof order === 'string') throw new Error(`the run never prints the line ${JSON.stringify(order)}`);
        const right = order.map((l) => l.text);
        if (!gradePredictOrder(right, facts, lang).pass) solutionsPass = false;
        // The order as listed is what the page shows first (shuffled); a wrong answer is the run's order reversed.
        const wrong = gradePredictOrder([...right].reverse(), facts, lang);
        starterMessage = failing(wrong);
        if (wrong.pass) starterFails = false;
        break;
      }
      case 'predict-time': {
        const facts = await run(file(exercise.program), lang);
        const t = lineTime(exercise.line[lang], facts);
        if (t === undefined) throw new Error(`the run never prints the line ${JSON.stringify(exercise.line[lang])}`);
        if (!gradePredictTime(exercise.line[lang], String(t), facts, lang).pass) solutionsPass = false;
        const wrong = gradePredictTime(exercise.line[lang], String(t + 100), facts, lang);
        starterMessage = failing(wrong);
        if (wrong.pass) starterFails = false;
        break;
      }
      case 'culprit': {
        const facts = await run(file(exercise.program), lang);
        const key = culpritKey(exercise, facts, lang);
        if (!gradeCulprit(key.id, key, lang).pass) solutionsPass = false;
        const other = exercise.choices.find((c) => c.id !== key.id);
        if (!other) throw new Error('a culprit question needs at least two choices');
        const wrong = gradeCulprit(other.id, key, lang);
        starterMessage = failing(wrong);
        if (wrong.pass) starterFails = false;
        break;
      }
    }
  } catch (error) {
    problems.push((error as Error).message);
    return { solutionsPass: false, starterFails: false, problems, starterMessage };
  }
  if (!solutionsPass && problems.length === 0) problems.push('the right answer does not pass');
  if (!starterFails && !problems.some((p) => p.includes('must fail'))) problems.push('a wrong answer passes');
  return { solutionsPass, starterFails, problems, starterMessage };
}
