#!/usr/bin/env node
/**
 * Run tc39's test262 async subset on Node 22 (the baseline) and on miniloop,
 * and compare the completion line of each test. test262 is not on npm, so this
 * is not part of `npm test`: check out https://github.com/tc39/test262 and pass
 * its path. The figure and the remaining differences are recorded in
 * src/runtime/README.md ("test262 (async subset)").
 *
 *   node scripts/test262-async.mjs PATH/TO/test262 [--node-results CACHE.json] [--json OUT.json]
 *       [--compare EARLIER.json] [--node24 PATH/TO/node24] [--all-differences] [--jobs N] [--filter TEXT]
 *       [--sample-for-await N] [--test-timeout SECONDS]
 *
 * Selection and skips: scripts/test262/select.mjs. Node runs each test as a
 * classic script in a process of its own (scripts/test262/node-script.cjs);
 * `--node-results` caches its results by file (read, completed, written).
 * miniloop runs the tests in a pool of long-lived workers, one per core
 * (scripts/test262/miniloop-worker.mjs), each replaced only when a test left
 * its realm changed for good, crashed it, or ran past the wall-clock budget.
 * At the end: the figure, the differences grouped by cause
 * (scripts/test262/causes.mjs) and every difference no cause explains.
 * `--json` keeps every test's results; `--compare` lists the tests whose
 * miniloop result differs from such an earlier file.
 */
import { execFile, fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

// The workers import the runtime's TypeScript, which needs Node >= 22.18 (type stripping). Run by
// the system's older node, use the project's node@22 package instead, so the command works as written.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const local = join(here, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(`Node ${process.version} cannot load the runtime's TypeScript; run with Node >= 22.18 (npx node ...)`);
    process.exit(2);
  }
  const r = spawnSync(local, process.argv.slice(1), { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const { selectTests, passed, completion, nodeProgram, miniloopProgram } = await import('./test262/select.mjs');
const { classify, causeTable } = await import('./test262/causes.mjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const valued = new Set(['--node-results', '--json', '--compare', '--node24', '--jobs', '--filter', '--sample-for-await', '--test-timeout']);
const root = args.find((a, i) => !a.startsWith('--') && !valued.has(args[i - 1]));
if (!root) {
  console.error('usage: node scripts/test262-async.mjs PATH/TO/test262 [--node-results CACHE.json] [--json OUT.json] [--compare EARLIER.json] [--jobs N] [--filter TEXT]');
  process.exit(2);
}
const jobs = Math.max(1, Number(option('--jobs', String(availableParallelism()))));
const testTimeoutMs = Number(option('--test-timeout', '60')) * 1000;
const filter = option('--filter', undefined);
const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;

let { selected, skipped } = selectTests(root, { sampleEvery: Number(option('--sample-for-await', '4')) });
const selectedAll = selected.length;
if (filter) selected = selected.filter((t) => t.file.includes(filter));
console.error(`selected ${selectedAll} tests (skipped: ${JSON.stringify(skipped)})${filter ? `; running the ${selected.length} matching ${JSON.stringify(filter)}` : ''}`);
const results = selected.map((t) => ({ file: t.file, node: undefined, miniloop: undefined }));

/** Prints n/total and a count now and then, so a long run is visibly alive. */
function progress(label, total, count) {
  let last = 0;
  let done = 0;
  return () => {
    done++;
    if (done === total || done % 100 === 0 || Date.now() - last > 20_000) {
      last = Date.now();
      console.error(`${label} ${done}/${total} ${count()} (${elapsed()})`);
    }
  };
}

// ---- Node 22: each test a classic script in its own process, results cached by file.
const cachePath = option('--node-results', undefined);
// Bumped whenever what makes a Node result changes (select.mjs `completion`, node-script.cjs): an older cache is rebuilt.
const CACHE_FORMAT = 2;
let cache = { format: CACHE_FORMAT, node: process.version, results: {} };
if (cachePath && existsSync(cachePath)) {
  const read = JSON.parse(readFileSync(cachePath, 'utf8'));
  if (read?.format === CACHE_FORMAT) cache = read;
  else console.error(`${cachePath} was made by an older version of this script: Node's results are made again`);
}
for (const r of results) r.node = cache.results[r.file];
const missing = results.map((r, i) => (r.node === undefined ? i : -1)).filter((i) => i >= 0);
if (missing.length) {
  if (major !== 22) console.error(`warning: the baseline is Node 22; this is Node ${process.version}`);
  if (Object.keys(cache.results).length && cache.node !== process.version) console.error(`warning: the cache holds Node ${cache.node}'s results; adding ${process.version}'s`);
  const work = mkdtempSync(join(tmpdir(), 'test262-'));
  const runNode = (test, index) => {
    const file = join(work, `t${index}.js`);
    writeFileSync(file, nodeProgram(test));
    return new Promise((done) => {
      execFile(process.execPath, [join(here, 'test262', 'node-script.cjs'), file], { timeout: testTimeoutMs }, (err, stdout, stderr) => {
        done(completion(test.async, stdout, !err, stderr));
      });
    });
  };
  let nodePasses = 0;
  const tick = progress('node', missing.length, () => `passes ${nodePasses}`);
  let next = 0;
  const lane = async () => {
    while (next < missing.length) {
      const i = missing[next++];
      results[i].node = await runNode(selected[i], i);
      if (passed(results[i].node)) nodePasses++;
      tick();
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  rmSync(work, { recursive: true, force: true });
  if (cachePath) {
    for (const r of results) cache.results[r.file] = r.node;
    writeFileSync(cachePath, JSON.stringify(cache, null, 1));
  }
}
const nodeVersion = cache.node;

// ---- miniloop: a pool of long-lived workers.
let restarts = 0;
const restartReasons = [];
let miniloopPasses = 0;
let sameAsNode = 0;
const tick = progress('miniloop', selected.length, () => `same as Node ${sameAsNode}, passes ${miniloopPasses}, worker restarts ${restarts}`);

/** A fresh worker, once it has warmed up and checked its own realm. */
function spawnWorker() {
  const child = fork(join(here, 'test262', 'miniloop-worker.mjs'), [], {
    execPath: process.execPath,
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('a worker did not start within 60 s'));
    }, 60_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      if (m.ready) resolve(child);
      else reject(new Error(m.fatal ?? 'a worker did not start'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`a worker exited (${code}) before it started`));
    });
  });
}

/** Run test `i` on `child`: its result, and whether the worker must be replaced (and why). */
function runOn(child, i) {
  return new Promise((resolve) => {
    const finish = (outcome) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(outcome);
    };
    let result;
    const onMessage = (m) => {
      if (m.i !== i) return;
      if ('result' in m) result = m.result;
      else finish({ result, replace: m.poisoned });
    };
    const onExit = (code, signal) => finish({ result: result ?? 'runner crashed', replace: `exited (${code ?? signal})` });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish({ result: result ?? 'wall-clock timeout', replace: `ran past ${testTimeoutMs / 1000} s` });
    }, testTimeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ i, code: miniloopProgram(selected[i]), async: selected[i].async });
  });
}

let nextTest = 0;
const lane = async () => {
  while (nextTest < selected.length) {
    const child = await spawnWorker();
    while (nextTest < selected.length) {
      const i = nextTest++;
      const { result, replace } = await runOn(child, i);
      results[i].miniloop = result;
      if (passed(result)) miniloopPasses++;
      if (result === results[i].node) sameAsNode++;
      tick();
      if (replace) {
        restarts++;
        restartReasons.push(`${selected[i].file}: ${replace}`);
        break;
      }
    }
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }
};
await Promise.all(Array.from({ length: Math.min(jobs, selected.length) }, lane));

// ---- Cross-checks of each difference, to tell its cause: Node 22 running the program miniloop
// runs as an ES module (.mjs), and Node 24 (--node24 PATH), which follows newer spec changes.
const node24 = option('--node24', undefined);
const differing = results.map((r, i) => (r.node !== r.miniloop ? i : -1)).filter((i) => i >= 0);
if (differing.length) {
  const work = mkdtempSync(join(tmpdir(), 'test262-x-'));
  const run = (execPath, argv, test) =>
    new Promise((done) => {
      execFile(execPath, argv, { timeout: testTimeoutMs }, (err, stdout, stderr) => done(completion(test.async, stdout, !err, stderr)));
    });
  let next = 0;
  const lane = async () => {
    while (next < differing.length) {
      const i = differing[next++];
      const moduleFile = join(work, `t${i}.mjs`);
      writeFileSync(moduleFile, miniloopProgram(selected[i]));
      results[i].nodeModule = await run(process.execPath, [moduleFile], selected[i]);
      if (node24) {
        const scriptFile = join(work, `t${i}.js`);
        writeFileSync(scriptFile, nodeProgram(selected[i]));
        results[i].node24 = await run(node24, [join(here, 'test262', 'node-script.cjs'), scriptFile], selected[i]);
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
  rmSync(work, { recursive: true, force: true });
}

// ---- The figure, the differences by cause, what no cause explains.
const nodePasses = results.filter((r) => passed(r.node)).length;
const grouped = classify(results);
console.log(`test262 async subset: ${selected.length} tests run (${selectedAll} selected; skipped ${JSON.stringify(skipped)})`);
console.log(`Node ${nodeVersion} passes ${nodePasses}; miniloop passes ${miniloopPasses}; miniloop same as Node ${sameAsNode}; ${selected.length - sameAsNode} differ`);
console.log(`miniloop workers: ${jobs}, replaced ${restarts} times; ${elapsed()}`);
for (const reason of restartReasons) console.log(`  replaced after ${reason}`);
console.log('');
console.log(causeTable(grouped));
for (const { cause, agree } of grouped.rows) for (const file of agree) console.log(`now same as Node (listed under ${cause.id}): ${file}`);
const crossChecks = (r) =>
  `\n  Node 22 as a module: ${r.nodeModule}${r.nodeModule === r.miniloop ? ' (agrees)' : ''}` +
  (r.node24 === undefined ? '' : `\n  Node 24: ${r.node24}${r.node24 === r.miniloop ? ' (agrees)' : ''}`);
for (const r of grouped.unexplained) console.log(`DIFF ${r.file}\n  node:     ${r.node}\n  miniloop: ${r.miniloop}${crossChecks(r)}`);
if (args.includes('--all-differences')) {
  for (const { cause, differ } of grouped.rows) {
    for (const file of differ) {
      const r = results.find((x) => x.file === file);
      console.log(`DIFF (${cause.id}) ${r.file}\n  node:     ${r.node}\n  miniloop: ${r.miniloop}${crossChecks(r)}`);
    }
  }
}

const compareWith = option('--compare', undefined);
if (compareWith) {
  const earlier = new Map(JSON.parse(readFileSync(compareWith, 'utf8')).results.map((r) => [r.file, r]));
  let changed = 0;
  for (const r of results) {
    const was = earlier.get(r.file);
    if (was && was.miniloop !== r.miniloop) {
      changed++;
      console.log(`CHANGED ${r.file}\n  before: ${was.miniloop}\n  now:    ${r.miniloop}\n  node:   ${r.node}`);
    }
  }
  console.log(`${changed} tests changed since ${compareWith}`);
}

const jsonOut = option('--json', undefined);
if (jsonOut) {
  const causes = Object.fromEntries(grouped.rows.map(({ cause, differ, agree }) => [cause.id, { title: cause.title, differ, agree }]));
  writeFileSync(
    jsonOut,
    JSON.stringify({ date: new Date().toISOString(), test262: root, node: nodeVersion, selected: selectedAll, skipped, nodePasses, miniloopPasses, sameAsNode, causes, results }, null, 1),
  );
}
