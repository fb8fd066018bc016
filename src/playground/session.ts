/**
 * A run session: compile, sandbox, results - no DOM of its own (the TypeScript
 * Playground's split between its embeddable sandbox and the page that shows
 * it). The UI (controller.ts) hands it the reader's text and draws what it
 * reports; tests/playground/session.test.ts drives it with a fake sandbox and
 * compiler.
 *
 * An unmodified example runs from the program the build compiled
 * (`prebuilt`), so the first Run on an article page loads no compiler at all;
 * any other text is compiled in the page (esbuild-wasm, loaded on demand).
 */
import type { CompiledProgram, CompileFailure, CompileResult } from '../compiler/compile.ts';
import type { DoneMessage, WireLine } from './protocol.ts';
import type { SandboxLike } from './sandbox.ts';

/** How a run ended. */
export type RunOutcome = 'ok' | 'failed' | 'compile-error' | 'stopped' | 'timeout' | 'crash';

/** What a run reports, in order: phase changes, lines, then exactly one ending. */
export interface RunEvents {
  /** 'compiling' at once; 'running' when the program goes to the sandbox (`from`: who compiled it). */
  onPhase(phase: 'compiling' | 'running', from?: 'build' | 'page'): void;
  onLines(lines: WireLine[]): void;
  onCompileError(failure: CompileFailure): void;
  onDone(done: DoneMessage): void;
  onAbort(reason: 'stopped' | 'timeout' | 'crash', message?: string): void;
}

export interface SessionOptions {
  sandbox: SandboxLike;
  /** Compiles text in the page (loads the compiler on first use). */
  compile(source: string): Promise<CompileResult>;
  /** Starts the compiler ahead of a compile (the reader began to edit). */
  warmCompiler(): void;
  /** The build's compile of `source`, when the build compiled exactly this text. */
  prebuilt(source: string): CompiledProgram | undefined;
}

export class RunSession {
  readonly #options: SessionOptions;
  /** Bumped by every run and by Stop: a compile that finishes after it does not run. */
  #generation = 0;
  #phase: 'idle' | 'compiling' | 'running' = 'idle';
  #events: RunEvents | undefined;

  constructor(options: SessionOptions) {
    this.#options = options;
  }

  /** True between run() and the run's ending. */
  get busy(): boolean {
    return this.#phase !== 'idle';
  }

  /** Gets ready for a run of `source` (a hover on Run): the sandbox, and the compiler only if the build did not compile this text. */
  warm(source: string): void {
    void this.#options.sandbox.prepare().catch(() => {});
    if (!this.#options.prebuilt(source)) this.#options.warmCompiler();
  }

  /** The reader edits: start the compiler now, so their Run does not wait for it. */
  editing(): void {
    this.#options.warmCompiler();
  }

  /** Runs `source`; resolves when the run has ended (after its ending event). */
  async run(source: string, events: RunEvents): Promise<RunOutcome> {
    if (this.busy) this.stop();
    const generation = ++this.#generation;
    this.#events = events;
    this.#phase = 'compiling';
    events.onPhase('compiling');
    const prebuilt = this.#options.prebuilt(source);
    let compiled: CompileResult;
    if (prebuilt) compiled = prebuilt;
    else {
      // The compile is asked for first, so esbuild's worker is busy while this thread builds the sandbox frame.
      const compiling = this.#options.compile(source).catch(
        (error: unknown): CompileFailure => ({ ok: false, errors: [{ line: 1, column: 0, message: String(error), lineText: '' }] }),
      );
      void this.#options.sandbox.prepare().catch(() => {});
      compiled = await compiling;
      if (generation !== this.#generation) return 'stopped'; // stopped (or superseded) while compiling
    }
    if (!compiled.ok) {
      this.#end(generation);
      events.onCompileError(compiled);
      return 'compile-error';
    }
    this.#phase = 'running';
    events.onPhase('running', prebuilt ? 'build' : 'page');
    return new Promise<RunOutcome>((resolve) => {
      void this.#options.sandbox.run(compiled, {
        onLines: (lines) => {
          if (generation === this.#generation && this.#phase === 'running') events.onLines(lines);
        },
        onDone: (done) => {
          if (this.#end(generation)) events.onDone(done);
          resolve(done.status);
        },
        onAbort: (reason, message) => {
          // Stop, the wall-time budget or a crash; the sandbox reports it once.
          if (this.#end(generation)) events.onAbort(reason, message);
          resolve(reason);
        },
      });
    });
  }

  /** Ends the run in progress: during the compile nothing will run; during the run the sandbox's frame goes at once. */
  stop(): void {
    if (this.#phase === 'compiling') {
      const events = this.#events;
      this.#generation++;
      this.#phase = 'idle';
      events?.onAbort('stopped');
    } else if (this.#phase === 'running') this.#options.sandbox.stop();
  }

  /** Marks run `generation` ended; false when it had already ended or was superseded. */
  #end(generation: number): boolean {
    if (generation !== this.#generation || this.#phase === 'idle') return false;
    this.#phase = 'idle';
    return true;
  }
}
