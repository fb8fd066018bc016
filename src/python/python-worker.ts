/**
 * The Python runner: a worker that loads CPython 3.14 (Pyodide) on its first
 * request (on the site, a classic worker started by the sandbox frame from
 * this file's bundle, worker-bundle.mjs; Pyodide's own two modules are
 * evaluated from their text, module-text.ts), from
 * `indexURL` on the site (the files src/python/pyodide-files.mjs copies into
 * dist/; nothing from another host) or from the files the request hands over
 * (then the worker makes no request at all: it can run inside the sandbox
 * frame, whose CSP allows no connection), installs the virtual-clock runner, and
 * then runs one program per request: console lines and the trace come back as
 * src/python/protocol.ts messages, in the shapes the TypeScript runner's
 * console and the timeline read.
 *
 * Loading posts progress (bytes of the interpreter and of the standard
 * library, as they arrive) and is done once per worker: later runs start at
 * once. A run is synchronous (the clock is virtual, nothing waits); Stop and
 * the wall-time budget are the page's (it terminates the worker, as for
 * TypeScript runs). Each run gets a fresh __main__ and clock; modules a
 * program imports stay loaded for the next run in the same worker.
 */
import { LINE_CAP } from '../playground/output.ts';
import { validPythonRequest, type FromPythonWorker, type PyodideFiles, type PythonProgressMessage } from './protocol.ts';
import { runMessages, type PythonRun } from './wire.ts';
import { moduleFromText } from './module-text.ts';
import runnerSource from './virtual_asyncio.py?raw';
import runnableSource from './runnable.py?raw';

declare const self: {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const realPost = self.postMessage.bind(self);
const post = (message: FromPythonWorker) => realPost(message);
const realFetch = globalThis.fetch.bind(globalThis);

interface LoadedPython {
  run(source: string, filename: string, limitsJson: string): string;
}
interface PyodideLike {
  FS: { writeFile(path: string, data: string): void };
  pyimport(name: string): { run_program_json: LoadedPython['run'] };
  runPython(code: string): unknown;
}

/** A response whose body reports its bytes as they arrive. */
function withProgress(response: Response, stage: PythonProgressMessage['stage']): Response {
  const total = Number(response.headers.get('content-length') ?? 0);
  if (!response.body) return response;
  let loaded = 0;
  let lastSent = 0;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      loaded += chunk.byteLength;
      // A message per ~256 KB is enough for a progress bar.
      if (loaded - lastSent >= 256 * 1024 || loaded === total) {
        lastSent = loaded;
        post({ type: 'python-progress', stage, loaded, total });
      }
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** What a program must not reach from this worker once Python is loaded (defence in depth; the sandbox frame's CSP is the boundary). */
const LOCKED = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'postMessage', 'indexedDB', 'caches', 'Worker', 'SharedWorker', 'BroadcastChannel'];

function lockDown(): void {
  for (let o: object | null = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of LOCKED) {
      if (Object.getOwnPropertyDescriptor(o, name)) {
        const blocked = () => {
          throw new TypeError(`${name} is not available to programs in the playground`);
        };
        Object.defineProperty(o, name, { get: blocked, configurable: false, enumerable: false });
      }
    }
  }
}

let loading: Promise<LoadedPython> | undefined;

interface PyodideOptions {
  indexURL: string;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  /** Pyodide's hook for an already imported pyodide.asm.mjs. */
  createPyodideModule?: unknown;
  lockFileContents?: string;
}

async function load(indexURL: string, files: PyodideFiles | undefined): Promise<LoadedPython> {
  const started = performance.now();
  // Pyodide fetches its wasm and standard library itself. With the files
  // handed over, those fetches are answered from them (no request leaves the
  // worker); otherwise counting the bytes on the way gives the progress bar
  // without a second download.
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const stage = url.endsWith('.wasm') ? 'interpreter' : url.endsWith('python_stdlib.zip') ? 'stdlib' : undefined;
    if (files && stage) {
      const data = stage === 'interpreter' ? files['pyodide.asm.wasm'] : files['python_stdlib.zip'];
      post({ type: 'python-progress', stage, loaded: data.byteLength, total: data.byteLength });
      return Promise.resolve(new Response(data, { headers: { 'Content-Type': stage === 'interpreter' ? 'application/wasm' : 'application/zip' } }));
    }
    if (files) return Promise.reject(new TypeError(`the Python worker makes no requests (${url})`));
    return realFetch(input, init).then((r) => (stage ? withProgress(r, stage) : r));
  };
  let runner: { run_program_json: LoadedPython['run'] };
  let version: string;
  try {
    const { loadPyodide } = (files
      ? await moduleFromText(files['pyodide.mjs'], `${indexURL}pyodide.mjs`)
      : await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as { loadPyodide(options: PyodideOptions): Promise<PyodideLike> };
    // Pyodide's own prints (its banner, package messages) are not the program's.
    const options: PyodideOptions = { indexURL, stdout: () => {}, stderr: () => {} };
    if (files) {
      options.createPyodideModule = (await moduleFromText(files['pyodide.asm.mjs'], `${indexURL}pyodide.asm.mjs`)).default;
      options.lockFileContents = new TextDecoder().decode(files['pyodide-lock.json']);
    }
    const pyodide = await loadPyodide(options);
    post({ type: 'python-progress', stage: 'runner', loaded: 0, total: runnerSource.length + runnableSource.length });
    pyodide.FS.writeFile('/home/pyodide/virtual_asyncio.py', runnerSource);
    pyodide.FS.writeFile('/home/pyodide/runnable.py', runnableSource);
    runner = pyodide.pyimport('virtual_asyncio');
    version = String(pyodide.runPython('import sys; sys.version.split()[0]'));
  } finally {
    globalThis.fetch = realFetch;
  }
  lockDown();
  post({ type: 'python-ready', version, ms: Math.round(performance.now() - started) });
  return { run: (source, filename, limits) => runner.run_program_json(source, filename, limits) };
}

self.addEventListener('message', (event) => {
  const request = validPythonRequest(event.data);
  if (!request) return;
  loading ??= load(request.indexURL, request.files);
  loading.then(
    (python) => {
      let run: PythonRun;
      try {
        run = JSON.parse(python.run(request.source, request.filename, JSON.stringify(request.limits))) as PythonRun;
      } catch (error) {
        post({ type: 'python-done', id: request.id, status: 'failed', problems: [{ kind: 'error', message: String((error as Error)?.message ?? error) }], total: 0, endTime: 0 });
        return;
      }
      for (const message of runMessages(request.id, run, LINE_CAP)) post(message);
    },
    (error: unknown) => post({ type: 'python-crash', message: `Python could not be loaded: ${String((error as Error)?.message ?? error).slice(0, 1000)}` }),
  );
});
