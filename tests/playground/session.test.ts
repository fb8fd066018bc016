// The run session without a DOM (src/playground/session.ts): an unmodified
// example runs from the build's program without the compiler; Stop during a
// compile means nothing runs; a run's events come in order and end once.
import { describe, expect, test } from 'vitest';
import type { CompiledProgram, CompileResult } from '../../src/compiler/compile.ts';
import type { DoneMessage } from '../../src/playground/protocol.ts';
import type { RunCallbacks, SandboxLike } from '../../src/playground/sandbox.ts';
import { RunSession, type RunEvents } from '../../src/playground/session.ts';

const program = (source: string): CompiledProgram => ({ ok: true, code: '', map: '{}', lineOffset: 1, filename: 'main.ts', source });
const done = (id = 1): DoneMessage => ({ type: 'done', id, status: 'ok', problems: [], total: 1, endTime: 0 });

/** A sandbox that records programs and lets the test answer. */
class FakeSandbox implements SandboxLike {
  runs: { program: CompiledProgram; callbacks: RunCallbacks }[] = [];
  prepared = 0;
  prepare() {
    this.prepared++;
    return Promise.resolve();
  }
  async run(program: CompiledProgram, callbacks: RunCallbacks) {
    this.runs.push({ program, callbacks });
  }
  stop() {
    const last = this.runs.at(-1);
    last?.callbacks.onAbort('stopped');
  }
}

function recorder(): { log: string[]; events: RunEvents } {
  const log: string[] = [];
  return {
    log,
    events: {
      onPhase: (phase, from) => log.push(from ? `${phase}:${from}` : phase),
      onLines: (lines) => log.push(`lines:${lines.map((l) => l.text).join(',')}`),
      onCompileError: (f) => log.push(`compile-error:${f.errors[0]!.message}`),
      onDone: (d) => log.push(`done:${d.status}`),
      onAbort: (reason) => log.push(`abort:${reason}`),
    },
  };
}

function session(prebuilt: Record<string, CompiledProgram> = {}) {
  const sandbox = new FakeSandbox();
  const compiled: string[] = [];
  let warmed = 0;
  let release: (r: CompileResult) => void = () => {};
  const s = new RunSession({
    sandbox,
    compile: (source) => {
      compiled.push(source);
      return new Promise((r) => (release = r));
    },
    warmCompiler: () => warmed++,
    prebuilt: (source) => prebuilt[source],
  });
  return { s, sandbox, compiled, warmed: () => warmed, release: (r: CompileResult) => release(r) };
}

describe('RunSession', () => {
  test('an unmodified example runs from the build, without the compiler', async () => {
    const { s, sandbox, compiled, warmed } = session({ 'a()': program('a()') });
    const { log, events } = recorder();
    s.warm('a()');
    const ending = s.run('a()', events);
    await Promise.resolve();
    expect(compiled).toEqual([]);
    expect(warmed()).toBe(0);
    sandbox.runs[0]!.callbacks.onLines([{ t: 0, task: 'main', level: 'log', text: 'hi' }]);
    sandbox.runs[0]!.callbacks.onDone(done());
    expect(await ending).toBe('ok');
    expect(log).toEqual(['compiling', 'running:build', 'lines:hi', 'done:ok']);
  });

  test('edited text is compiled in the page; editing warms the compiler', async () => {
    const { s, sandbox, compiled, warmed, release } = session({ 'a()': program('a()') });
    s.editing();
    expect(warmed()).toBe(1);
    const { log, events } = recorder();
    const ending = s.run('b()', events);
    expect(compiled).toEqual(['b()']);
    release(program('b()'));
    await new Promise((r) => setTimeout(r, 0));
    expect(sandbox.runs[0]!.program.source).toBe('b()');
    sandbox.runs[0]!.callbacks.onDone(done());
    expect(await ending).toBe('ok');
    expect(log).toEqual(['compiling', 'running:page', 'done:ok']);
  });

  test('Stop during the compile: the program never reaches the sandbox', async () => {
    const { s, sandbox, release } = session();
    const { log, events } = recorder();
    const ending = s.run('b()', events);
    s.stop();
    release(program('b()'));
    expect(await ending).toBe('stopped');
    expect(sandbox.runs).toEqual([]);
    expect(log).toEqual(['compiling', 'abort:stopped']);
  });

  test('a compile error ends the run without the sandbox', async () => {
    const { s, sandbox, release } = session();
    const { log, events } = recorder();
    const ending = s.run('const x = ;', events);
    release({ ok: false, errors: [{ line: 1, column: 10, message: 'Unexpected ";"', lineText: 'const x = ;' }] });
    expect(await ending).toBe('compile-error');
    expect(sandbox.runs).toEqual([]);
    expect(log).toEqual(['compiling', 'compile-error:Unexpected ";"']);
  });

  test('a late answer of a stopped run is dropped; the ending is reported once', async () => {
    const { s, sandbox } = session({ 'a()': program('a()') });
    const { log, events } = recorder();
    const ending = s.run('a()', events);
    await Promise.resolve();
    s.stop();
    sandbox.runs[0]!.callbacks.onLines([{ t: 0, task: 'main', level: 'log', text: 'late' }]);
    sandbox.runs[0]!.callbacks.onDone(done());
    expect(await ending).toBe('stopped');
    expect(log).toEqual(['compiling', 'running:build', 'abort:stopped']);
  });
});
