/**
 * `npm run twins:update [ID...]`: run the guide's Python twins on a virtual
 * clock and write each one's output to content/examples/<page>/<name>.py.out,
 * printing what changed. Twins that cannot run here (a server or interpreter
 * missing) are listed with the reason and keep their old .py.out.
 * tests/content/python-twins.test.ts checks the files against fresh runs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { allTwins, outFile, pythonVersion, runTwin } from './twins/twins.ts';
import { lineDiff } from './lib/line-diff.ts';

const wanted = process.argv.slice(2);
let failed = 0;
for (const plan of allTwins().filter((p) => wanted.length === 0 || wanted.some((w) => p.id.includes(w)))) {
  if (!plan.python) {
    console.log(`skip   ${plan.id}: ${plan.skip}`);
    continue;
  }
  let out: string;
  try {
    out = runTwin(plan);
  } catch (e) {
    failed++;
    const err = e as { stderr?: string; message: string };
    console.log(`FAILED ${plan.id} (${plan.python}):\n${(err.stderr || err.message).trim().split('\n').slice(-8).join('\n')}`);
    continue;
  }
  const file = outFile(plan);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (old === out) {
    console.log(`same   ${plan.id}`);
    continue;
  }
  writeFileSync(file, out);
  console.log(`${old === undefined ? 'new   ' : 'changed'} ${plan.id} (Python ${pythonVersion(plan.python)})`);
  if (old !== undefined) console.log(lineDiff(old, out));
}
process.exitCode = failed ? 1 : 0;
