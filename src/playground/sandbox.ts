/**
 * The page's side of the sandbox: one hidden iframe per playground with
 * sandbox="allow-scripts" (an opaque origin), its document given as srcdoc,
 * talking to the page over a MessageChannel created here. Design and threat
 * model: src/playground/README.md; hostile snippets:
 * tests/browser/playground-hostile.test.ts.
 *
 * A run that is stopped, or exceeds the wall-time budget, ends by removing the
 * frame, which ends its worker at once; a fresh frame is prepared for the next
 * run. Messages are accepted only from the port this object created, only with
 * a valid shape (protocol.ts) and only for the run in progress.
 */
import type { CompiledProgram } from '../compiler/compile.ts';
import { acceptRecord } from '../exercises/record.ts';
import { connectSandbox, PLAYGROUND_LIMITS, postToSandbox, validFromSandbox, type DoneMessage, type WireLine } from './protocol.ts';
import type { Lang } from '../runtime/messages.ts';
import { QUIET_BUDGET_MS, Watchdog, type WatchdogReason } from './watchdog.ts';

/** What a run reports back. */
export interface RunCallbacks {
  onLines(lines: WireLine[]): void;
  onDone(done: DoneMessage): void;
  /** The run ended without a result: 'stopped' (Stop), 'timeout' (the watchdog: `message` is its WatchdogReason) or 'crash'. */
  onAbort(reason: 'stopped' | 'timeout' | 'crash', message?: string): void;
}

/** Real time a run may go without handing control back to its loop, in ms (watchdog.ts). */
export const WALL_TIME_BUDGET_MS = QUIET_BUDGET_MS;

/** The srcdoc of the sandbox frame: a CSP meta, then the boot script (by absolute URL: the frame has no base URL of its own). */
export function sandboxDocument(bootUrl: string): string {
  const src = new URL(bootUrl, document.baseURI).href;
  const policy = `default-src 'none'; script-src ${src} 'unsafe-eval' blob:; worker-src blob:; connect-src 'none'; style-src 'none'; img-src 'none'; form-action 'none'`;
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head><body><script src="${src}"></script></body></html>`;
}

/**
 * A hidden, script-only frame on `sandboxDocument(bootUrl)` and the page's end
 * of a fresh channel: how both sandboxes (this one and src/python/python-sandbox.ts)
 * start. The caller appends the frame and hands the other port over on `load`.
 */
export function sandboxFrame(bootUrl: string, title: string): { frame: HTMLIFrameElement; channel: MessageChannel } {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = title;
  frame.hidden = true;
  frame.srcdoc = sandboxDocument(bootUrl);
  return { frame, channel: new MessageChannel() };
}

let nextRunId = 1;

/** What a run session needs from a sandbox (session.ts; a fake in tests/playground/session.test.ts). */
export interface SandboxLike {
  prepare(): Promise<unknown>;
  run(program: CompiledProgram, callbacks: RunCallbacks): Promise<void>;
  stop(): void;
}

/** One playground's sandbox. */
export class Sandbox implements SandboxLike {
  readonly #bootUrl: string;
  readonly #runner: () => Promise<string>;
  readonly #budgetMs: number;
  readonly #lang: Lang;
  #frame: HTMLIFrameElement | undefined;
  #port: MessagePort | undefined;
  #ready: Promise<MessagePort> | undefined;
  #current: { id: number; callbacks: RunCallbacks; watchdog: Watchdog; nonce?: string } | undefined;
  readonly #record: boolean;

  /**
   * @param bootUrl URL of sandbox-boot.js on this site
   * @param runner resolves to the runner bundle's text
   * @param options.record every run returns its record for grading, with a fresh nonce (an exercise's playground; src/exercises/README.md)
   * @param options.lang the language of the runtime's own messages (the page's)
   */
  constructor(bootUrl: string, runner: () => Promise<string>, budgetMs = WALL_TIME_BUDGET_MS, options: { record?: boolean; lang?: Lang } = {}) {
    this.#record = options.record === true;
    this.#lang = options.lang ?? 'en';
    this.#bootUrl = bootUrl;
    this.#runner = runner;
    this.#budgetMs = budgetMs;
  }

  /** Creates the frame and starts its worker now (a warm-up; run() does it too). */
  prepare(): Promise<MessagePort> {
    this.#ready ??= this.#create();
    return this.#ready;
  }

  /** True while a run is in progress. */
  get running(): boolean {
    return this.#current !== undefined;
  }

  /** Runs `program`; ends any run in progress first. */
  async run(program: CompiledProgram, callbacks: RunCallbacks): Promise<void> {
    if (this.#current) this.stop();
    const id = nextRunId++;
    // Silent for the budget (a busy loop that never yields), or over the total: stopped from here.
    const watchdog = new Watchdog((why: WatchdogReason) => this.#abort(id, 'timeout', why), { quietMs: this.#budgetMs });
    const nonce = this.#record ? crypto.randomUUID() : undefined;
    this.#current = { id, callbacks, watchdog, nonce };
    let port: MessagePort;
    try {
      port = await this.prepare();
    } catch (error) {
      this.#abort(id, 'crash', String(error));
      return;
    }
    if (this.#current?.id !== id) return; // stopped while the frame was starting
    watchdog.heard(); // the frame's start-up is not the program's time
    postToSandbox(port, { type: 'run', id, program, limits: PLAYGROUND_LIMITS, lang: this.#lang, ...(nonce ? { record: { nonce } } : {}) });
  }

  /** Ends the run in progress at once (the worker is terminated with its frame). */
  stop(): void {
    if (this.#current) this.#abort(this.#current.id, 'stopped');
  }

  /** Removes the frame for good. */
  dispose(): void {
    this.stop();
    this.#teardown();
  }

  #abort(id: number, reason: 'stopped' | 'timeout' | 'crash', message?: string): void {
    const current = this.#current;
    if (!current || current.id !== id) return;
    current.watchdog.cancel();
    this.#current = undefined;
    this.#teardown();
    current.callbacks.onAbort(reason, message);
    // A fresh frame for the next run, started while the reader reads.
    void this.prepare().catch(() => {});
  }

  #teardown(): void {
    this.#port?.close();
    this.#frame?.remove();
    this.#port = undefined;
    this.#frame = undefined;
    this.#ready = undefined;
  }

  #create(): Promise<MessagePort> {
    const { frame, channel } = sandboxFrame(this.#bootUrl, 'sandbox');
    const port = channel.port1;
    this.#frame = frame;
    this.#port = port;
    const runnerText = this.#runner();
    return new Promise<MessagePort>((resolve, reject) => {
      let readySeen = false;
      port.onmessage = (event) => {
        if (this.#port !== port) return; // a torn-down frame
        const message = validFromSandbox(event.data);
        if (!message) return;
        if (message.type === 'ready') {
          if (readySeen) return;
          readySeen = true;
          runnerText.then(
            (runner) => {
              postToSandbox(port, { type: 'init', runner });
              resolve(port);
            },
            reject,
          );
          return;
        }
        const current = this.#current;
        if (message.type === 'crash') {
          if (current) this.#abort(current.id, 'crash', message.message);
          return;
        }
        if (!current || message.id !== current.id) return; // not the run in progress
        if (message.type === 'lines') {
          current.watchdog.heard(); // an empty batch is the runner's heartbeat: its loop is turning
          if (message.lines.length > 0) current.callbacks.onLines(message.lines);
        } else {
          current.watchdog.cancel();
          this.#current = undefined;
          // A record counts only with the nonce this run was given.
          const record = acceptRecord(message.record, current.nonce);
          if (record) message.record = record;
          else delete message.record;
          current.callbacks.onDone(message);
        }
      };
      frame.addEventListener(
        'load',
        () => {
          if (this.#frame !== frame) return;
          if (frame.contentWindow) connectSandbox(frame.contentWindow, channel.port2);
        },
        { once: true },
      );
      document.body.append(frame);
    });
  }
}
