// The CLI's first line: wall time from spawning the command to the first chunk on its
// stdout, for `node bin/miniloop.mjs run examples/hello.ts` (this Node), the same
// through `npx miniloop`, and npx's own start (`npx node -e ...`: npm's start plus a
// bare Node, which `npx miniloop` cannot go below). Called by bench/runtime.ts;
// medians of RUNS spawns after one untimed warm-up (which also fills the CLI's bundle
// cache and V8's compile cache, as any second use would).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fmt = (n) => n.toLocaleString('en', { maximumFractionDigits: 0 });

/** ms from spawn to the first stdout chunk (the process is then left to finish). */
function firstLine(command, args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let at = null;
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', () => {
      at ??= performance.now() - started;
    });
    child.on('error', reject);
    child.on('close', (code) => (at === null ? reject(new Error(`${command} ${args.join(' ')}: no output (exit ${code})`)) : resolve(at)));
  });
}

async function measure(command, args, runs) {
  await firstLine(command, args);
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await firstLine(command, args));
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1], min: times[0] };
}

/**
 * @param {{ runs: number }} options
 * @returns {Promise<boolean>} whether the direct command met its budget (< 500 ms median)
 */
export async function benchFirstLine({ runs }) {
  console.log(`\n(d) CLI first line of examples/hello.ts, spawn to first stdout chunk  (median of ${runs}, after one warm-up; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  const direct = await measure(process.execPath, ['bin/miniloop.mjs', 'run', 'examples/hello.ts'], runs);
  const row = (name, r, note) => console.log(`  ${name.padEnd(44)} ${fmt(r.median).padStart(6)} ms  (min ${fmt(r.min)} ms)  ${note}`);
  row('node bin/miniloop.mjs run examples/hello.ts', direct, 'aim < 500 ms');
  if (!existsSync(`${root}node_modules/.bin/miniloop`)) {
    // npx would look for a package named miniloop in the registry.
    console.log('  npx rows skipped: node_modules/.bin/miniloop is missing (run `npm ci`, which links packages/miniloop-cli)');
    return direct.median < 500;
  }
  const npx = await measure('npx', ['miniloop', 'run', 'examples/hello.ts'], runs);
  const npm = await measure('npx', ['node', '-e', 'console.log("hi")'], runs);
  row('npx miniloop run examples/hello.ts', npx, 'aim < 500 ms on a quiet machine');
  row('npx node -e ... (npx\'s own start)', npm, `miniloop's part through npx: ${fmt(npx.median - npm.median)} ms`);
  return direct.median < 500;
}
