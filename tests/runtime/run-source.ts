/** Test helpers: compile TypeScript source and run it on a fresh loop; what Node itself prints for a program. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { queryObjects } from 'node:v8';
import { compileInNode } from '../../src/compiler/node.ts';
import type { CompiledProgram } from '../../src/contract/program.ts';
import { runProgram, type ProgramOptions, type ProgramResult } from '../../src/runtime/program.ts';

/** `source` compiled as the CLI compiles it; a compile error throws. */
export async function compileSource(source: string): Promise<CompiledProgram> {
  const compiled = await compileInNode(source);
  if (!compiled.ok) throw new Error(`compile error: ${JSON.stringify(compiled.errors)}`);
  return compiled;
}

export async function runSource(source: string, options: ProgramOptions = {}): Promise<ProgramResult> {
  return runProgram(await compileSource(source), options);
}

/** Everything a reader can see of a run, as one string to compare two runs by: status, lines, problems, every trace event. */
export function whatReaderSees(result: ProgramResult): string {
  return JSON.stringify({ status: result.status, lines: result.lines, problems: result.problems, trace: result.trace });
}

/** Console text only, one string per line. */
export async function outputOf(source: string, options: ProgramOptions = {}): Promise<string[]> {
  return (await runSource(source, options)).lines.map((l) => l.text);
}

/** What the Node running the tests prints running `source` (JavaScript) as an ES module, one string per line. */
export function nodePrints(source: string): string[] {
  return execFileSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' }).trimEnd().split('\n');
}

/**
 * How many objects `kind` makes (found by its prototype, as v8.queryObjects finds them) are alive
 * while 1,000 tasks sleep: `create` runs once per `i` below 1,000 and makes a sleeping task.
 */
export async function aliveWhileAsleep(create: string, kind: new () => unknown): Promise<number> {
  let count = -1;
  const result = await runSource(
    `import { createTask, sleep } from 'miniloop';
     for (let i = 0; i < 1000; i++) { ${create} }
     await sleep(5);
     console.log('all asleep');`,
    {
      onEvent(event) {
        if (event.kind === 'log') count = queryObjects(kind, { format: 'count' }) as number;
      },
    },
  );
  if (result.lines.map((l) => l.text).join('\n') !== 'all asleep') throw new Error(`the program printed ${JSON.stringify(result.lines)}`);
  return count;
}

/** Every program the project runs - the guide's examples and exercises, the corpora - in English: [path from the repository's root, source]. */
export function projectPrograms(): Array<[string, string]> {
  const root = resolve(import.meta.dirname, '../..');
  const under = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return under(path);
      return name.endsWith('.ts') && !name.endsWith('.zh.ts') ? [path] : [];
    });
  return ['content/examples', 'content/exercises', 'tests/corpus'].flatMap((dir) => under(join(root, dir))).map((path) => [relative(root, path), readFileSync(path, 'utf8')]);
}
