/** Test helper: compile TypeScript source and run it on a fresh loop. */
import { compileInNode } from '../../src/compiler/node.ts';
import { runProgram, type ProgramOptions, type ProgramResult } from '../../src/runtime/program.ts';

export async function runSource(source: string, options: ProgramOptions = {}): Promise<ProgramResult> {
  const compiled = await compileInNode(source);
  if (!compiled.ok) throw new Error(`compile error: ${JSON.stringify(compiled.errors)}`);
  return runProgram(compiled, options);
}

/** Console text only, one string per line. */
export async function outputOf(source: string, options: ProgramOptions = {}): Promise<string[]> {
  return (await runSource(source, options)).lines.map((l) => l.text);
}
