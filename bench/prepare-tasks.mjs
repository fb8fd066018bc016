// The two files a child of benchmark (b) runs (bench/tasks-child.mjs): the
// runtime bundled into one file by esbuild, as the browser's worker gets it,
// and (b)'s program compiled by a tree's own compiler. Used by bench/runtime.ts
// and bench/ab.mjs; from the command line it writes them for a profiler
// (bench/perf-split.mjs):
//
//   npx node bench/prepare-tasks.mjs OUT_DIR [--tasks N]   (writes OUT_DIR/runtime.mjs and OUT_DIR/program.json; npx: Node 22)
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeNumberOption } from './options.mjs';
import { tasksProgram } from './tasks-program.mjs';

/** Bundle `tree`'s runtime (src/runtime/program.ts) into `outfile`, one ES module for Node. */
export async function bundleRuntime(tree, outfile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(tree, 'src/runtime/program.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    outfile,
    logLevel: 'warning',
  });
}

/**
 * Compile (b)'s program of `tasks` tasks (`options`: tasksProgram's) with `tree`'s
 * compiler into `outfile` (JSON, what runProgram takes). In a child process, which
 * strips that tree's TypeScript: the contract between a revision's compiler and
 * runtime can change.
 */
export function compileTasks(tree, tasks, outfile, options = {}) {
  // The compiler is TypeScript, which Node strips from 22 on (README, "Node version"): without this,
  // bench:ab, bench:phases and this file's command would fail in the child with ERR_UNKNOWN_FILE_EXTENSION.
  if (Number(process.versions.node.split('.')[0]) < 22) {
    throw new Error(`the benchmark's compile needs Node 22 or newer (this is ${process.version}): run it through \`npm run\` or \`npx node\``);
  }
  const compile = `const { compileInNode } = await import(${JSON.stringify(pathToFileURL(join(tree, 'src/compiler/node.ts')).href)});
    const c = await compileInNode(${JSON.stringify(tasksProgram(tasks, options))}, 'bench-tasks.ts');
    if (!c.ok) throw new Error('the program does not compile: ' + JSON.stringify(c.errors));
    process.stdout.write(JSON.stringify(c));`;
  writeFileSync(outfile, execFileSync(process.execPath, ['--input-type=module', '-e', compile], { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 26 }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const tasks = takeNumberOption(args, '--tasks', 100_000);
  if (args.length !== 1 || !Number.isInteger(tasks) || tasks < 1) {
    console.error('usage: npx node bench/prepare-tasks.mjs OUT_DIR [--tasks N]');
    process.exit(2);
  }
  const [out] = args;
  const tree = fileURLToPath(new URL('..', import.meta.url));
  mkdirSync(out, { recursive: true });
  try {
    compileTasks(tree, tasks, join(out, 'program.json'));
  } catch (error) {
    console.error(`bench/prepare-tasks.mjs: ${error.message}`);
    process.exit(1);
  }
  await bundleRuntime(tree, join(out, 'runtime.mjs'));
  console.log(`wrote ${join(out, 'runtime.mjs')} and ${join(out, 'program.json')} (${tasks.toLocaleString('en')} tasks); run them with:
  npx node --expose-gc bench/tasks-child.mjs ${join(out, 'runtime.mjs')} ${join(out, 'program.json')} ${tasks} 0 0`);
}
