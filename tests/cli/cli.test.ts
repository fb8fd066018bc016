/** The real `miniloop` command, spawned with this Node (vitest runs on the project's Node 22). */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/miniloop.mjs');
const dir = mkdtempSync(join(tmpdir(), 'miniloop-cli-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function miniloop(args: string[], node = process.execPath): Promise<Run> {
  return miniloopEnv(args, {}, node);
}

/** Run the CLI with extra environment variables (the language variables are cleared: messages in English unless set). */
function miniloopEnv(args: string[], env: Record<string, string>, node = process.execPath): Promise<Run> {
  return new Promise((done) => {
    const base = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
    execFile(node, [bin, ...args], { cwd: root, timeout: 170_000, env: { ...base, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function program(name: string, source: string): string {
  const file = join(dir, name);
  writeFileSync(file, source);
  return file;
}

// Each run starts Node and the native esbuild (well under a second, more on a loaded machine).
describe('miniloop run', { timeout: 180_000 }, () => {
  it('prints the console output of examples/hello.ts and exits with 0', async () => {
    const run = await miniloop(['run', 'examples/hello.ts']);
    expect(run).toEqual({
      code: 0,
      stdout: [
        'hello from the top level',
        'alice: start',
        'bob: start',
        'bob: done after 100ms',
        'alice: done after 200ms',
        'both finished: alice, bob',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('--json prints one object per line with t, task, level and text', async () => {
    const run = await miniloop(['run', 'examples/hello.ts', '--json']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) expect(Object.keys(line)).toEqual(['t', 'task', 'level', 'text']);
    expect(lines[0]).toEqual({ t: 0, task: 'main', level: 'log', text: 'hello from the top level' });
    expect(lines.find((l) => l.text === 'bob: done after 100ms')).toEqual({ t: 100, task: 'bob', level: 'log', text: 'bob: done after 100ms' });
    expect(lines.at(-1)).toEqual({ t: 200, task: 'main', level: 'log', text: 'both finished: alice, bob' });
  });

  it('--verbose prefixes lines with the virtual time and the task', async () => {
    const run = await miniloop(['run', 'examples/hello.ts', '--verbose']);
    expect(run.stdout.split('\n').slice(3, 5)).toEqual(['[100ms bob] bob: done after 100ms', '[200ms alice] alice: done after 200ms']);
  });

  it('--trace writes a Chrome trace with a named track per task', async () => {
    const out = join(dir, 'trace.json');
    const run = await miniloop(['run', 'examples/tasks.ts', '--trace', out]);
    expect(run.code).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8')) as { traceEvents: Array<{ ph: string; name: string; tid: number; args?: { name?: string } }> };
    const named = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.name?.trim());
    expect(named).toEqual(['event loop', 'main (#1)', 'chef (#2)', 'waiter (#3)', 'cleaner (#4)']);
    expect(trace.traceEvents.some((e) => e.ph === 'X' && e.tid === 2)).toBe(true);
  });

  it('--timeline draws the tasks after the output', async () => {
    const run = await miniloop(['run', 'examples/tasks.ts', '--timeline', '--width', '60']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const at = lines.indexOf('restaurant closed');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^ +0ms +100ms/);
    expect(lines.slice(at + 3, at + 7).map((l) => l.slice(0, 10).trimEnd())).toEqual(['main', '  chef', '  waiter', '  cleaner']);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('exits with 1 on a deadlock and names both blocked tasks', async () => {
    const run = await miniloop(['run', 'examples/deadlock.ts']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('alice: waiting for the fork\nbob: waiting for the knife\n');
    expect(run.stderr).toContain('deadlock');
    expect(run.stderr).toContain('task alice waits on the fork (set by bob)');
    expect(run.stderr).toContain('task bob waits on the knife (set by alice)');
  });

  it('exits with 2 on a syntax error, showing file:line:column and a caret', async () => {
    const run = await miniloop(['run', 'examples/syntax-error.ts']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').slice(0, 3)).toEqual([
      'examples/syntax-error.ts:6:29: error: Expected ")" but found ";"',
      "  6 |   console.log('unreachable' ;",
      '    |                             ^',
    ]);
  });

  it('exits with 1 on an uncaught error, with a stack into the reader\'s file', async () => {
    const file = program('throws.ts', "import { sleep } from 'miniloop';\nawait sleep(5);\nthrow new Error('boom');\n");
    const run = await miniloop(['run', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error: boom');
    expect(run.stderr).toContain('throws.ts:3:');
  });

  it('exits with 1 on a never-retrieved task exception and on an unhandled rejection', async () => {
    const task = program(
      'unretrieved.ts',
      "import { createTask, sleep } from 'miniloop';\ncreateTask(async () => { throw new Error('lost'); });\nawait sleep(1);\n",
    );
    const taskRun = await miniloop(['run', task]);
    expect(taskRun.code).toBe(1);
    expect(taskRun.stderr).toContain('never retrieved');
    const rejection = program('unhandled.ts', "Promise.reject(new Error('nobody'));\n");
    const rejectionRun = await miniloop(['run', rejection]);
    expect(rejectionRun.code).toBe(1);
    expect(rejectionRun.stderr).toContain('nobody');
  });

  it('--time-limit stops a long program with exit 1', async () => {
    const file = program('long.ts', "import { sleep } from 'miniloop';\nawait sleep(10_000);\nconsole.log('late');\n");
    expect((await miniloop(['run', file])).stdout).toBe('late\n');
    const run = await miniloop(['run', file, '--time-limit', '1000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('time limit');
  });

  it('--seed makes Math.random repeatable per seed', async () => {
    const file = program('random.ts', 'console.log(Math.random());\n');
    const [a, b, c] = await Promise.all([
      miniloop(['run', file, '--seed', '7']),
      miniloop(['run', file, '--seed', '7']),
      miniloop(['run', file, '--seed', '8']),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
  });

  it('sends console.error and console.warn to stderr, as Node does (stdout with --json)', async () => {
    const file = program('levels.ts', "console.log('out');\nconsole.error('err');\nconsole.warn('warn');\n");
    const run = await miniloop(['run', file]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, 'out\n', 'err\nwarn\n']);
    const json = await miniloop(['run', file, '--json']);
    expect(json.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { level: string }).level)).toEqual(['log', 'error', 'warn']);
  });

  it('runs several files and a directory, a header before each, exit status the worst', async () => {
    const sub = join(dir, 'several');
    mkdirSync(join(sub, 'nested'), { recursive: true });
    writeFileSync(join(sub, 'a.ts'), "console.log('a');\n");
    writeFileSync(join(sub, 'nested', 'b.js'), "console.log('b');\n");
    writeFileSync(join(sub, 'types.d.ts'), 'declare const x: number;\n');
    writeFileSync(join(sub, 'notes.md'), 'not a program\n');
    const fails = program('fails.ts', "throw new Error('no');\n");
    const run = await miniloop(['run', 'examples/hello.ts', sub, fails]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('==> '))).toEqual([
      '==> examples/hello.ts <==',
      `==> ${join(sub, 'a.ts')} <==`,
      `==> ${join(sub, 'nested', 'b.js')} <==`,
      `==> ${fails} <==`,
    ]);
    expect(run.stdout).toContain(`==> ${join(sub, 'a.ts')} <==\na\n\n==> ${join(sub, 'nested', 'b.js')} <==\nb\n`);
    expect(run.stderr).toContain('Error: no');
    const json = await miniloop(['run', join(sub, 'a.ts'), join(sub, 'nested', 'b.js'), '--json']);
    expect(json.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as object)).toEqual([
      { file: join(sub, 'a.ts'), t: 0, task: 'main', level: 'log', text: 'a' },
      { file: join(sub, 'nested', 'b.js'), t: 0, task: 'main', level: 'log', text: 'b' },
    ]);
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    expect((await miniloop(['run', empty])).code).toBe(2);
  });

  it('--json prints failures as objects: uncaught error, deadlock with the blocked tasks, budget', async () => {
    const parse = (run: Run) => run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const thrower = program('json-throws.ts', "import { sleep } from 'miniloop';\nawait sleep(5);\nthrow new Error('boom');\n");
    const thrown = await miniloop(['run', thrower, '--json']);
    expect([thrown.code, thrown.stderr]).toEqual([1, '']);
    const [error] = parse(thrown);
    expect(error).toMatchObject({ t: 5, task: 'main', level: 'error', failure: 'error', message: 'Error: boom' });
    expect(error!.stack).toMatch(/^Error: boom\n {4}at .*json-throws\.ts:3:7/);

    const deadlock = await miniloop(['run', 'examples/deadlock.ts', '--json']);
    const failure = parse(deadlock).at(-1)!;
    expect(failure).toMatchObject({ task: null, level: 'error', failure: 'deadlock' });
    expect(failure.blocked).toEqual([
      { task: 'main', on: { kind: 'task', what: 'task alice' } },
      { task: 'alice', on: { kind: 'future', what: 'the fork (set by bob)' } },
      { task: 'bob', on: { kind: 'future', what: 'the knife (set by alice)' } },
    ]);

    const broken = await miniloop(['run', 'examples/syntax-error.ts', '--json']);
    expect([broken.code, broken.stderr]).toEqual([2, '']);
    expect(parse(broken)[0]).toEqual({ level: 'error', failure: 'compile', line: 6, column: 29, message: 'Expected ")" but found ";"' });

    const long = program('json-long.ts', "import { sleep } from 'miniloop';\nawait sleep(10_000);\n");
    const budget = parse(await miniloop(['run', long, '--json', '--time-limit', '1000']));
    expect(budget).toEqual([expect.objectContaining({ task: null, level: 'error', failure: 'time-limit', message: expect.stringContaining('time limit') })]);
  });

  it('an uncaught exception group prints every member with its stack', async () => {
    const file = program(
      'group.ts',
      [
        "import { withTaskGroup } from 'miniloop';",
        'async function a() { throw new Error("a failed"); }',
        'async function b() { throw new TypeError("b failed"); }',
        'await withTaskGroup(async (tg) => { tg.createTask(a); tg.createTask(b); });',
      ].join('\n'),
    );
    const run = await miniloop(['run', file]);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('  + ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)');
    expect(lines).toContain('  +-+---------------- 1 ----------------');
    expect(lines).toContain('    | Error: a failed');
    expect(lines.some((l) => /^ {4}\| {5}at a \(.*group\.ts:2:/.test(l))).toBe(true);
    expect(lines).toContain('    +---------------- 2 ----------------');
    expect(lines).toContain('    | TypeError: b failed');
  });

  it('speaks the language of --lang, else of LC_ALL / LC_MESSAGES / LANG', async () => {
    const chinese = '死锁：所有任务都在等待，没有任何事件能唤醒它们：';
    const english = 'deadlock: every task is waiting and nothing can wake them';
    expect((await miniloop(['run', 'examples/deadlock.ts', '--lang', 'zh'])).stderr).toContain(chinese);
    expect((await miniloopEnv(['run', 'examples/deadlock.ts'], { LANG: 'zh_CN.UTF-8' })).stderr).toContain(chinese);
    expect((await miniloopEnv(['run', 'examples/deadlock.ts'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'en_US.UTF-8' })).stderr).toContain(english);
    expect((await miniloopEnv(['run', 'examples/deadlock.ts', '--lang', 'en'], { LANG: 'zh_TW.UTF-8' })).stderr).toContain(english);
    expect((await miniloop(['run', 'examples/deadlock.ts', '--lang', 'fr'])).code).toBe(2);
  });

  it('the bundled CLI prints what the TypeScript sources print', async () => {
    const bundled = await miniloop(['run', 'examples/tasks.ts', '--verbose']);
    const sources = await miniloopEnv(['run', 'examples/tasks.ts', '--verbose'], { MINILOOP_NO_BUNDLE: '1' });
    expect(bundled.code).toBe(0);
    expect(bundled).toEqual(sources);
  });

  it('exits with 2 for a missing file, with a clear message', async () => {
    const run = await miniloop(['run', 'examples/no-such-file.ts']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('miniloop: cannot read examples/no-such-file.ts: no such file\n');
  });

  it('exits with 2 on bad usage and prints the usage', async () => {
    for (const args of [['run', 'examples/hello.ts', '--bogus'], ['build', 'x.ts'], ['run', 'examples/hello.ts', '--seed', 'abc']]) {
      const run = await miniloop(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^miniloop: /);
      expect(run.stderr).toContain('Usage: miniloop run FILE.ts');
    }
  });

  it('--help prints the usage and exits with 0', async () => {
    const run = await miniloop(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: miniloop run FILE.ts');
    expect(run.stdout).toContain('--timeline');
  });

  it('ends quietly when its reader stops reading (miniloop run x.ts | head -1)', async () => {
    const file = program('many-lines.ts', 'for (let i = 0; i < 5000; i++) console.log("line", i, "x".repeat(200));');
    const stderr = await new Promise<string>((done) => {
      const child = spawn(process.execPath, [bin, 'run', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('close', () => done(err));
    });
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
  });

  const oldNode = '/usr/bin/node';
  const oldVersion = existsSync(oldNode) ? process.versions.node : '';
  it.skipIf(!existsSync(oldNode))('on a Node without type stripping, says to use npx and exits with 2', async () => {
    const run = await miniloop(['run', 'examples/hello.ts'], oldNode);
    const version = /this Node \(v(\d+)\.(\d+)/.exec(run.stderr);
    if (version === null) {
      // /usr/bin/node is new enough here: then it simply runs.
      expect(run.code, oldVersion).toBe(0);
      return;
    }
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('npx miniloop');
  });
});
