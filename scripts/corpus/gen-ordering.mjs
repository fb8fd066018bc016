#!/usr/bin/env node
// Generates tests/corpus/ordering/*.out from the REAL Node (>= 22).
// Each NN-name.js is copied to a temporary .mjs (so it runs as an ES module,
// with top-level await) and run 3 times; the runs must exit 0 and print the
// same stdout, otherwise nothing is written for that program and the script
// exits 1. Usage: npm run corpus:ordering [-- NAME-SUBSTRING...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.error(`gen-ordering: needs Node >= 22 (got ${process.versions.node}); run it with "npm run corpus:ordering" or "npx node scripts/corpus/gen-ordering.mjs"`);
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = join(root, 'tests', 'corpus', 'ordering');
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => /^\d\d-[a-z0-9-]+\.js$/.test(f))
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
const RUNS = 3;
const ATTEMPTS = 3;
const tmp = mkdtempSync(join(tmpdir(), 'gen-ordering-'));
let failed = 0;
try {
  for (const f of files) {
    const mjs = join(tmp, basename(f, '.js') + '.mjs');
    copyFileSync(join(dir, f), mjs);
    let outs = [];
    let bad = '';
    // A heavily loaded machine can stall a run by tens of ms and reorder timers
    // whose delays are close; such a set of runs is discarded and retried
    // (at most ATTEMPTS times). A program is only written when RUNS
    // consecutive runs agree.
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      outs = [];
      bad = '';
      for (let i = 0; i < RUNS && !bad; i++) {
        const r = spawnSync(process.execPath, [mjs], { cwd: tmp, encoding: 'utf8', timeout: 10_000 });
        if (r.error) bad = String(r.error);
        else if (r.status !== 0) bad = `exit ${r.status ?? r.signal}: ${r.stderr.trim().split('\n').slice(0, 5).join(' | ')}`;
        else if (r.stderr) bad = `stderr not empty: ${r.stderr.trim().split('\n')[0]}`;
        else outs.push(r.stdout);
      }
      if (bad) break; // a crash is not a timing accident
      if (outs.every((o) => o === outs[0])) break;
      bad = 'runs differ (non-deterministic)';
      if (attempt < ATTEMPTS) console.error(`retry ${f}: runs differed (attempt ${attempt})`);
    }
    if (!bad && outs[0] === '') bad = 'no output';
    if (bad) {
      failed++;
      console.error(`FAIL ${f}: ${bad}`);
      continue;
    }
    const outPath = join(dir, basename(f, '.js') + '.out');
    const old = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
    writeFileSync(outPath, outs[0]);
    console.log(`${old === null ? 'new ' : old === outs[0] ? 'same' : 'CHANGED'} ${f} (${outs[0].split('\n').length - 1} lines)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`node ${process.versions.node}: ${files.length - failed}/${files.length} programs written`);
process.exit(failed ? 1 : 0);
