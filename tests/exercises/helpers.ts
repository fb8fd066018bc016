/** Runs a program source in Node on the playground's runtime and budgets, and returns its facts (as the page and the check script do). */
import { compileInNode } from '../../src/compiler/node.ts';
import { analyse, type RunFacts } from '../../src/exercises/facts.ts';
import { PLAYGROUND_LIMITS } from '../../src/playground/protocol.ts';
import { runProgram } from '../../src/runtime/program.ts';

export async function factsOf(source: string, lang: 'en' | 'zh' = 'en'): Promise<RunFacts> {
  const compiled = await compileInNode(source, 'test.ts');
  if (!compiled.ok) throw new Error(compiled.errors.map((e) => e.message).join('; '));
  const result = runProgram(compiled, { ...PLAYGROUND_LIMITS, lang });
  return analyse(result.trace, result.problems);
}
