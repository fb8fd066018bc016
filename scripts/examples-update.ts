/**
 * `npm run examples:update [NAME...]`: run the guide's examples on the loop
 * and write their expected outputs (<name>.out, and <name>.<lang>.out for a
 * language variant), printing a diff for every output that changed so a
 * runtime change that alters an output is seen, not silently accepted.
 * NAME is a part of an example id ('asyncio/gather', 'gather', 'hello.zh').
 * An example that does not compile is reported by file and line and the
 * command exits 1; one that ends with an error is written and noted.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exampleFiles, exampleName, runExample, storedOutput } from './content/examples.ts';
import { lineDiff } from './lib/line-diff.ts';

const root = resolve(process.env.EXAMPLES_ROOT ?? resolve(import.meta.dirname, '..'));
const wanted = process.argv.slice(2);
const files = exampleFiles(root).filter((f) => wanted.length === 0 || wanted.some((w) => exampleName(f).includes(w)));
if (files.length === 0) {
  console.error(`examples:update: no example matches ${wanted.join(' ')}`);
  process.exitCode = 1;
}
let changed = 0;
let broken = 0;
for (const file of files) {
  const result = await runExample(root, file);
  if (!result.ok) {
    broken++;
    console.log(`${result.where}: ${result.message}`);
    continue;
  }
  if (result.failure) console.log(`${result.failure.where}: ${result.failure.message} (shown to readers; fine if the example means it)`);
  const old = storedOutput(file);
  if (old === result.output) continue;
  changed++;
  writeFileSync(file.out, result.output + '\n');
  console.log(old === undefined ? `new      ${exampleName(file)}` : `changed  ${exampleName(file)}\n${lineDiff(old, result.output)}`);
}
console.log(`examples:update: ${files.length} examples, ${changed} outputs written, ${broken} broken`);
if (broken) process.exitCode = 1;
