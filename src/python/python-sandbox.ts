/**
 * The page's side of a Python run: the sandbox frame (the TypeScript
 * playground's kind, src/playground/sandbox.ts sandboxDocument, with its own
 * boot script python-sandbox-boot.js) holding one Python worker. Python code
 * never runs on the page: the page fetches the Pyodide files from the site
 * (with byte progress), hands them and the worker's text to the frame, and
 * reads back only messages that pass validFromPythonWorker.
 *
 * The first run loads Python (progress: the page's download, then the
 * worker's start); later runs reuse the loaded worker and start at once. Stop,
 * or a run over the wall-time budget (counted from when Python is ready, not
 * from the download), removes the frame and so ends the worker; the next run
 * starts a fresh one from the files the page kept (no second download).
 * Browser tests: tests/browser/python.test.ts.
 */
import { connectSandbox } from '../playground/protocol.ts';
import { sandboxFrame, WALL_TIME_BUDGET_MS } from '../playground/sandbox.ts';
import { PYODIDE_FILE_NAMES, PYTHON_LIMITS, validFromPythonWorker, type PyodideFiles, type PythonDoneMessage, type PythonRunRequest } from './protocol.ts';
import type { WireLine } from '../playground/protocol.ts';

/** What is loading, for the progress bar: a file of the site, or Python starting up from them. */
export interface LoadProgress {
  /** 'download': the page fetches the files; 'start': the worker compiles the interpreter and opens the standard library. */
  phase: 'download' | 'start';
  /** The file being fetched (download phase), or what the worker is starting (start phase: 'interpreter', 'stdlib', 'runner'). */
  what: string;
  /** Bytes fetched so far of all files, and their total (0 when unknown). */
  loaded: number;
  total: number;
}

/** What a Python run reports back. */
export interface PythonRunCallbacks {
  onProgress(progress: LoadProgress): void;
  /** Python is loaded (first run only); `version` is CPython's. */
  onReady(version: string, ms: number): void;
  onLines(lines: WireLine[]): void;
  onDone(done: PythonDoneMessage): void;
  /** Ended without a result: Stop, wall-time budget, or a crash (Python did not load, the worker died). */
  onAbort(reason: 'stopped' | 'timeout' | 'crash', message?: string): void;
}

let nextId = 1;

/** The run in progress. */
interface Current {
  id: number;
  callbacks: PythonRunCallbacks;
  timer?: ReturnType<typeof setTimeout>;
}

/** Fetch the Pyodide files from `indexURL`, reporting bytes as they arrive. */
export async function fetchPyodideFiles(indexURL: string, onProgress: (p: LoadProgress) => void): Promise<PyodideFiles> {
  const responses = await Promise.all(
    PYODIDE_FILE_NAMES.map(async (name) => {
      const response = await fetch(`${indexURL}${name}`);
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      return [name, response] as const;
    }),
  );
  const total = responses.reduce((sum, [, r]) => sum + Number(r.headers.get('content-length') ?? 0), 0);
  let loaded = 0;
  const files = {} as PyodideFiles;
  // One after the other, largest last, so "what is loading" names one file at a time.
  for (const [name, response] of responses) {
    const reader = response.body?.getReader();
    if (!reader) {
      files[name] = await response.arrayBuffer();
      loaded += files[name].byteLength;
      continue;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      loaded += value.byteLength;
      onProgress({ phase: 'download', what: name, loaded, total });
    }
    const whole = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    files[name] = whole.buffer;
  }
  onProgress({ phase: 'start', what: 'interpreter', loaded, total: Math.max(total, loaded) });
  return files;
}

/** One Python sandbox (a page may share one between its twins: Python loads once per page). */
export class PythonSandbox {
  readonly #bootUrl: string;
  readonly #indexURL: string;
  readonly #workerText: () => Promise<string>;
  readonly #budgetMs: number;
  #files: Promise<PyodideFiles> | undefined;
  #frame: HTMLIFrameElement | undefined;
  #port: MessagePort | undefined;
  #ready: Promise<MessagePort> | undefined;
  /** Whether the worker in the current frame has loaded Python. */
  #loaded = false;
  /** Bytes of the Pyodide files, once fetched (the progress bar stays full while Python starts). */
  #bytes = 0;
  #current: Current | undefined;

  /**
   * @param bootUrl URL of python-sandbox-boot.js on this site
   * @param indexURL where the Pyodide files are served (ends with '/')
   * @param workerText resolves to the Python worker's bundle text
   */
  constructor(bootUrl: string, indexURL: string, workerText: () => Promise<string>, budgetMs = WALL_TIME_BUDGET_MS) {
    this.#bootUrl = bootUrl;
    this.#indexURL = indexURL;
    this.#workerText = workerText;
    this.#budgetMs = budgetMs;
  }

  /** True once Python is loaded in the current frame (the next run starts at once). */
  get loaded(): boolean {
    return this.#loaded;
  }

  get running(): boolean {
    return this.#current !== undefined;
  }

  /** Runs `source`; ends any run in progress first. */
  async run(source: string, filename: string, callbacks: PythonRunCallbacks): Promise<void> {
    if (this.#current) this.stop();
    const id = nextId++;
    const current: Current = { id, callbacks };
    this.#current = current;
    const firstLoad = !this.#loaded;
    let port: MessagePort;
    let files: PyodideFiles | undefined;
    try {
      port = await this.#prepare();
      if (firstLoad) {
        this.#files ??= fetchPyodideFiles(this.#indexURL, (p) => this.#current === current && callbacks.onProgress(p));
        this.#files.catch(() => (this.#files = undefined));
        files = await this.#files;
        this.#bytes = Object.values(files).reduce((sum, f) => sum + f.byteLength, 0);
      }
    } catch (error) {
      this.#abort(id, 'crash', String((error as Error)?.message ?? error));
      return;
    }
    if (this.#current !== current) return; // stopped meanwhile
    if (!firstLoad) this.#startBudget(current);
    const request: PythonRunRequest = { type: 'python-run', id, indexURL: this.#indexURL, source, filename, limits: PYTHON_LIMITS };
    // A copy of the files (structured clone), so the page keeps them for a fresh worker after Stop.
    if (files) request.files = files;
    port.postMessage(request);
  }

  /** Ends the run in progress at once (its worker is terminated with its frame; Python reloads from the kept files next time). */
  stop(): void {
    if (this.#current) this.#abort(this.#current.id, 'stopped');
  }

  dispose(): void {
    this.stop();
    this.#teardown();
  }

  #startBudget(current: Current): void {
    current.timer = setTimeout(() => this.#abort(current.id, 'timeout'), this.#budgetMs);
  }

  #abort(id: number, reason: 'stopped' | 'timeout' | 'crash', message?: string): void {
    const current = this.#current;
    if (!current || current.id !== id) return;
    clearTimeout(current.timer);
    this.#current = undefined;
    this.#teardown();
    current.callbacks.onAbort(reason, message);
  }

  #teardown(): void {
    this.#port?.close();
    this.#frame?.remove();
    this.#port = undefined;
    this.#frame = undefined;
    this.#ready = undefined;
    this.#loaded = false;
  }

  #prepare(): Promise<MessagePort> {
    this.#ready ??= this.#create();
    return this.#ready;
  }

  #create(): Promise<MessagePort> {
    const { frame, channel } = sandboxFrame(this.#bootUrl, 'python sandbox');
    const port = channel.port1;
    this.#frame = frame;
    this.#port = port;
    const script = this.#workerText();
    return new Promise<MessagePort>((resolve, reject) => {
      let readySeen = false;
      port.onmessage = (event) => {
        if (this.#port !== port) return; // a torn-down frame
        const data = event.data as { type?: unknown } | null;
        if (data && data.type === 'python-frame-ready') {
          if (readySeen) return;
          readySeen = true;
          script.then((text) => {
            port.postMessage({ type: 'python-init', script: text });
            resolve(port);
          }, reject);
          return;
        }
        const message = validFromPythonWorker(data);
        const current = this.#current;
        if (!message || !current) return;
        switch (message.type) {
          case 'python-progress':
            if (!this.#loaded) current.callbacks.onProgress({ phase: 'start', what: message.stage, loaded: this.#bytes, total: this.#bytes });
            return;
          case 'python-ready':
            this.#loaded = true;
            current.callbacks.onReady(message.version, message.ms);
            this.#startBudget(current);
            return;
          case 'python-crash':
            this.#abort(current.id, 'crash', message.message);
            return;
          case 'python-lines':
            if (message.id === current.id) current.callbacks.onLines(message.lines);
            return;
          case 'python-done':
            if (message.id !== current.id) return;
            clearTimeout(current.timer);
            this.#current = undefined;
            current.callbacks.onDone(message);
        }
      };
      frame.addEventListener(
        'load',
        () => {
          if (this.#frame === frame && frame.contentWindow) connectSandbox(frame.contentWindow, channel.port2);
        },
        { once: true },
      );
      document.body.append(frame);
    });
  }
}
