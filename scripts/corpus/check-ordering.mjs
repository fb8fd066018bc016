#!/usr/bin/env node
// Checks tests/corpus/ordering/*.out against another Node without rewriting
// them: `node scripts/corpus/check-ordering.mjs /path/to/node` runs every
// program with that binary (up to three tries, as a loaded machine can stall a
// timer) and lists the ones whose output differs. docs/versions.md records
// which Node versions were checked this way.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const node = process.argv[2] ?? process.execPath;
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'corpus', 'ordering');
const files = readdirSync(dir).filter((f) => /^\d\d-[a-z0-9-]+\.js$/.test(f)).sort();
const tmp = mkdtempSync(join(tmpdir(), 'check-ordering-'));
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
const differ = [];
try {
  for (const f of files) {
    const mjs = join(tmp, basename(f, '.js') + '.mjs');
    copyFileSync(join(dir, f), mjs);
    const expected = readFileSync(join(dir, basename(f, '.js') + '.out'), 'utf8');
    let same = false;
    for (let attempt = 0; attempt < 3 && !same; attempt++) {
      same = spawnSync(node, [mjs], { cwd: tmp, encoding: 'utf8', timeout: 10_000 }).stdout === expected;
    }
    if (!same) differ.push(f);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
for (const f of differ) console.log(`differs: ${f}`);
console.log(`node ${version}: ${files.length - differ.length}/${files.length} programs print their .out`);
process.exit(differ.length ? 1 : 0);
