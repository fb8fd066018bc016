/**
 * Build time: a page's exercises (content/exercises/<page>.ts) with their
 * programs in the page's language, and - for predict and culprit kinds - the
 * facts of the program's real run on the same runtime (Node, the playground's
 * budgets), so the page can grade an answer at once and show it behind a
 * <details> without JavaScript. Used by components/Exercises.astro.
 */
import { compileInNode } from '../compiler/node.ts';
import { PLAYGROUND_LIMITS } from '../playground/protocol.ts';
import { runProgram } from '../runtime/program.ts';
import { analyse, type RunFacts } from './facts.ts';
import { programFor } from './files.ts';
import { culpritKey, lineTime, runOrder, type CulpritKey } from './grade.ts';
import type { Exercise, Lang } from './schema.ts';

const modules = import.meta.glob('/content/exercises/*.ts', { import: 'default', eager: true }) as Record<string, Exercise[]>;
const sources = import.meta.glob('/content/exercises/*/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** An exercise as the page renders it. */
export interface BuiltExercise {
  exercise: Exercise;
  /** 'exercise:<page>/<id>': the playground's example id (its saved edits are keyed by it). */
  playgroundId: string;
  /** The program (predict, culprit) or starter (fix) in the page's language. */
  source: string;
  /** fix: the reference solution in the page's language. */
  solution?: string;
  /** What the program (the starter, for fix) prints, shown under it as the playground's expected output. */
  output: string;
  /** predict/culprit: the run's facts. */
  facts?: RunFacts;
  /** predict-order: the lines in the order the run printed them. */
  order?: string[];
  /** predict-time: when the line was printed. */
  time?: number;
  /** culprit: the right choice and why. */
  key?: CulpritKey;
  /** predict-order: the lines as first shown (a fixed shuffle, never the right order). */
  shuffled?: string[];
}

/** The exercises of `page` in `lang` (an empty list when the page has none). */
export async function buildExercises(page: string, lang: Lang): Promise<BuiltExercise[]> {
  const list = modules[`/content/exercises/${page}.ts`] ?? [];
  const dir = `/content/exercises/${page}/`;
  const exists = (name: string) => sources[dir + name] !== undefined;
  const read = (name: string) => {
    const text = sources[dir + programFor(name, lang, exists)];
    if (text === undefined) throw new Error(`exercise ${page}: content/exercises/${page}/${name} does not exist`);
    return text.replace(/\n$/, '');
  };
  const built: BuiltExercise[] = [];
  for (const exercise of list) {
    const playgroundId = `exercise:${page}/${exercise.id}`;
    if (exercise.kind === 'fix') {
      const source = read(exercise.starter);
      const output = linesOf(await factsOf(source, lang, `${page}/${exercise.starter}`));
      built.push({ exercise, playgroundId, source, solution: read(exercise.solution), output });
      continue;
    }
    const source = read(exercise.program);
    const facts = await factsOf(source, lang, `${page}/${exercise.program}`);
    const item: BuiltExercise = { exercise, playgroundId, source, facts, output: linesOf(facts) };
    if (exercise.kind === 'predict-order') {
      const order = runOrder(exercise.lines[lang], facts);
      if (typeof order === 'string') throw new Error(`exercise ${page}/${exercise.id}: the run never prints ${JSON.stringify(order)}`);
      item.order = order.map((l) => l.text);
      item.shuffled = shuffle(exercise.lines[lang], item.order, exercise.id);
    } else if (exercise.kind === 'predict-time') {
      item.time = lineTime(exercise.line[lang], facts);
      if (item.time === undefined) throw new Error(`exercise ${page}/${exercise.id}: the run never prints ${JSON.stringify(exercise.line[lang])}`);
    } else {
      item.key = culpritKey(exercise, facts, lang);
    }
    built.push(item);
  }
  return built;
}

const linesOf = (facts: RunFacts) => facts.lines.map((l) => l.text).join('\n');

async function factsOf(source: string, lang: Lang, name: string): Promise<RunFacts> {
  const compiled = await compileInNode(source, name);
  if (!compiled.ok) throw new Error(`exercise ${name} does not compile: ${compiled.errors.map((e) => e.message).join('; ')}`);
  const result = runProgram(compiled, { ...PLAYGROUND_LIMITS, lang });
  return analyse(result.trace, result.problems);
}

/** A fixed order of `lines` (sorted by a hash of id and line) that is never the run's order. */
export function shuffle(lines: readonly string[], right: readonly string[], id: string): string[] {
  const hash = (s: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
  };
  const out = [...lines].sort((a, b) => hash(id + a) - hash(id + b));
  const same = () => out.every((line, i) => line === right[i]);
  if (same()) out.push(out.shift()!);
  return out;
}
