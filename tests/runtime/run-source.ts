/** Test helpers: compile TypeScript source and run it on a fresh loop; what Node itself prints for a program. */
import { execFileSync } from 'node:child_process';
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

/** What the Node running the tests prints running `source` (JavaScript) as an ES module, one string per line. */
export function nodePrints(source: string): string[] {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }).trimEnd().split('\n');
}
