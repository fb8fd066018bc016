/**
 * One playground, once the reader has shown intent (see loader.ts). Pieces:
 * the code view (static highlighted HTML → Monaco, or a <textarea> on touch
 * screens), the compiler (compiler.ts, esbuild-wasm in the page), the sandbox
 * (sandbox.ts: an opaque-origin frame whose worker runs the program), the
 * console (console-view.ts) and saved edits (storage.ts). Run never waits for
 * the editor: it compiles whatever text the reader sees.
 */
import type { CompileFailure } from '../compiler/compile.ts';
import { compileSource, startCompiler } from './compiler.ts';
import { ConsoleView, type RunBlock } from './console-view.ts';
import { TimelinePanel } from './timeline-panel.ts';
import type { EditorHandle, Marker } from './monaco.ts';
import { Sandbox, WALL_TIME_BUDGET_MS } from './sandbox.ts';
import { codeFromHash, shareUrl } from './share.ts';
import { debounce, forget, hashText, restore, save } from './storage.ts';
import { translator } from './strings.ts';

type Intent = 'show' | 'edit' | 'run' | 'warm' | 'reset' | 'share';

/** Text of the runner bundle (a lazily loaded chunk), shared by every playground of the page. */
let runnerText: Promise<string> | undefined;
const loadRunner = () => (runnerText ??= import('virtual:miniloop-runner').then((m) => m.default));

const isTouch = () => matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;

/** Mounts the playground in `root` (the component's section); returns its intent handler. */
export function mountPlayground(root: HTMLElement): { intent(kind: Intent): void } {
  const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel)!;
  const t = translator(JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>);
  const lang = root.dataset.lang ?? 'en';
  const base = root.dataset.base ?? '/';
  const full = root.hasAttribute('data-full');
  const codeBox = $('[data-code]');
  const status = $('[data-status]');
  const notice = $('[data-notice]');
  const runButton = $<HTMLButtonElement>('[data-run]');
  const stopButton = $<HTMLButtonElement>('[data-stop]');
  const clearButton = $<HTMLButtonElement>('[data-clear]');
  const consoleRoot = $('[data-console]');
  const view = new ConsoleView(consoleRoot, t);
  // The timeline of the last run, under the console (src/playground/timeline-panel.ts).
  const timeline = new TimelinePanel($('[data-timeline]'), consoleRoot, () => {
    const blocks = consoleRoot.querySelectorAll('details.pg-run-block');
    const last = blocks[blocks.length - 1];
    return last ? [...last.querySelectorAll<HTMLElement>('.pg-line')] : [];
  });
  const staticCode = codeBox.firstElementChild;

  // The code this playground starts from: the example, or (full page) code from a shared link.
  let original = JSON.parse($('[data-source]').textContent ?? '""') as string;
  /** The code the build-time highlighted view shows. */
  const staticSource = original;
  let page = root.dataset.page ?? '';
  let example = root.dataset.example ?? '';
  if (full) {
    const shared = codeFromHash(location.hash);
    if (shared !== undefined) {
      original = shared;
      // Each shared program keeps its own edits; a different link is not a "changed original".
      example = `shared:${hashText(shared)}`;
      showNotice(t('playground.shared'));
    }
  }

  let code = original;
  let editor: EditorHandle | undefined;
  let textarea: HTMLTextAreaElement | undefined;
  let editorLoading: Promise<void> | undefined;
  let pendingMarkers: Marker[] = [];
  let block: RunBlock | undefined;
  let runStarted = 0;
  /** Bumped by Stop: a compile that finishes after it does not run. */
  let generation = 0;

  const store = (() => {
    try {
      return localStorage;
    } catch {
      return undefined;
    }
  })();
  const persist = debounce((value: string) => store && save(store, page, example, original, value), 250);
  addEventListener('pagehide', () => persist.flush());
  document.addEventListener('visibilitychange', () => persist.flush());

  const saved = store ? restore(store, page, example, original) : { kind: 'original' as const };
  if (saved.kind !== 'original') setCode(saved.code, false);
  if (saved.kind === 'stale') {
    showNotice(t('playground.stale'), [
      [t('playground.keepMine'), () => {
        if (store) {
          store.removeItem(saved.key);
          save(store, page, example, original, code);
        }
        hideNotice();
      }],
      [t('playground.useNew'), () => reset()],
    ]);
  }

  const sandbox = new Sandbox(root.dataset.boot ?? '', loadRunner);

  function showNotice(text: string, actions: [string, () => void][] = []) {
    notice.replaceChildren(Object.assign(document.createElement('span'), { textContent: text }));
    for (const [label, action] of actions) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
      button.addEventListener('click', action);
      notice.append(button);
    }
    notice.hidden = false;
  }
  function hideNotice() {
    notice.hidden = true;
    notice.replaceChildren();
  }

  /** Shows `value` in whatever view is active; `fromReader` saves it. */
  function setCode(value: string, fromReader: boolean) {
    code = value;
    if (fromReader) persist(value);
    if (editor) editor.setValue(value);
    else if (textarea) textarea.value = value;
    else if (value === staticSource && staticCode) codeBox.replaceChildren(staticCode);
    else {
      const pre = document.createElement('pre');
      pre.className = 'pg-plain';
      pre.tabIndex = 0;
      pre.textContent = value;
      codeBox.replaceChildren(pre);
    }
  }

  function onEdit(value: string) {
    code = value;
    persist(value);
  }

  function useTextarea(reason?: string) {
    if (textarea || editor) return;
    textarea = document.createElement('textarea');
    textarea.className = 'pg-textarea';
    textarea.spellcheck = false;
    textarea.autocapitalize = 'off';
    textarea.setAttribute('autocorrect', 'off');
    textarea.setAttribute('aria-label', t('playground.editor'));
    textarea.value = code;
    textarea.rows = Math.min(30, Math.max(6, code.split('\n').length + 1));
    textarea.addEventListener('input', () => onEdit(textarea!.value));
    codeBox.replaceChildren(textarea);
    if (reason) status.textContent = reason;
  }

  function loadEditor(focus: boolean): Promise<void> {
    if (isTouch()) {
      useTextarea();
      if (focus) textarea?.focus();
      return Promise.resolve();
    }
    editorLoading ??= (async () => {
      const [{ createEditor }] = await Promise.all([import('./monaco.ts'), loadMonacoCss()]);
      if (editor || textarea) return;
      const host = document.createElement('div');
      host.className = 'pg-editor';
      if (!full) host.style.height = `${Math.min(36, Math.max(8, code.split('\n').length + 2)) * 19 + 8}px`;
      codeBox.replaceChildren(host);
      editor = createEditor(host, code, { onChange: onEdit, onRun: () => void run(), ariaLabel: t('playground.editor') });
      root.dataset.editor = 'monaco';
      if (pendingMarkers.length) editor.setMarkers(pendingMarkers);
    })().catch((error) => {
      console.error(error);
      useTextarea(t('playground.loadFailed'));
    });
    return editorLoading.then(() => {
      if (focus) (editor ?? textarea)?.focus();
    });
  }

  function warm() {
    void startCompiler().catch(() => {});
    void sandbox.prepare().catch(() => {});
  }

  async function run() {
    persist.flush();
    const source = code;
    block = view.startRun();
    clearButton.hidden = false;
    status.textContent = t('playground.compiling');
    runButton.disabled = true;
    stopButton.disabled = false;
    root.dataset.state = 'compiling';
    runStarted = performance.now();
    let firstOutput = 0;
    const mine = block;
    const myGeneration = ++generation;
    const compiling = compileSource(source).catch((error: unknown) => ({
      ok: false as const,
      errors: [{ line: 1, column: 0, message: String(error), lineText: '' }],
    }));
    // The sandbox starts while the program compiles (on a first run both are cold);
    // the compile is asked for first, so esbuild's worker is busy while this thread builds the frame.
    void sandbox.prepare().catch(() => {});
    const compiled = await compiling;
    if (myGeneration !== generation) return; // stopped while compiling
    root.dataset.compileMs = (performance.now() - runStarted).toFixed(1);
    if (!compiled.ok) {
      showCompileErrors(compiled, mine);
      finish('compile-error');
      return;
    }
    setMarkers([]);
    status.textContent = t('playground.running');
    root.dataset.state = 'running';
    await sandbox.run(compiled, {
      onLines: (lines) => {
        if (!firstOutput) root.dataset.firstOutputMs = (performance.now() - runStarted).toFixed(1);
        firstOutput = 1;
        mine.addLines(lines);
      },
      onDone: (done) => {
        mine.noteTotal(done.total);
        for (const problem of done.problems) mine.problem(problem);
        mine.note(t('playground.finished', { t: done.endTime }));
        finish(done.status);
        mine.draw();
        timeline.show(done.timeline);
      },
      onAbort: (reason, message) => {
        mine.noteTotal(0);
        if (reason === 'timeout') mine.problem({ kind: 'wall-time', message: t('playground.timeout', { seconds: WALL_TIME_BUDGET_MS / 1000 }) });
        else if (reason === 'crash') mine.problem({ kind: 'crash', message: t('playground.crashed', { message: message ?? '' }) });
        else mine.note(t('playground.stopped'));
        finish(reason);
      },
    });
  }

  function finish(state: string) {
    runButton.disabled = false;
    stopButton.disabled = true;
    status.textContent = '';
    root.dataset.state = state;
    // Timings for bench/web.mjs (click to compiled, to first line, to done).
    root.dataset.runMs = (performance.now() - runStarted).toFixed(1);
    view.scrollToEnd();
  }

  function showCompileErrors(failure: CompileFailure, into: RunBlock) {
    const markers = failure.errors.map((e) => ({ line: e.line, column: e.column, message: e.message }));
    for (const e of failure.errors) into.problem(t('playground.compileError', { line: e.line, column: e.column + 1, message: e.message }));
    setMarkers(markers);
  }

  function setMarkers(markers: Marker[]) {
    pendingMarkers = markers;
    editor?.setMarkers(markers);
  }

  function reset() {
    if (store) forget(store, page, example);
    hideNotice();
    setCode(original, false);
    setMarkers([]);
  }

  async function share() {
    const url = shareUrl(location.origin, base, lang, code);
    const link = Object.assign(document.createElement('a'), { href: url, textContent: url });
    link.dataset.shareLink = '';
    try {
      await navigator.clipboard.writeText(url);
      status.replaceChildren(t('playground.copied'), ' ', link);
    } catch {
      status.replaceChildren(t('playground.copyFailed'), ' ', link);
    }
  }

  runButton.addEventListener('click', () => void run());
  stopButton.addEventListener('click', () => {
    if (root.dataset.state === 'compiling') {
      generation++;
      block?.note(t('playground.stopped'));
      finish('stopped');
    } else sandbox.stop();
  });
  $('[data-reset]').addEventListener('click', reset);
  $('[data-share]').addEventListener('click', () => void share());
  clearButton.addEventListener('click', () => {
    view.clear();
    clearButton.hidden = true;
  });
  runButton.addEventListener('pointerenter', warm);
  codeBox.addEventListener('focusin', () => void loadEditor(false));
  codeBox.addEventListener('pointerdown', () => void loadEditor(true));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !runButton.disabled) {
      event.preventDefault();
      void run();
    }
  });
  // Full page: the gallery loads another example (its own saved edits included); the shared link is dropped from the address.
  const gallery = root.querySelector<HTMLSelectElement>('[data-gallery]');
  if (gallery) {
    if (example.startsWith('shared:')) gallery.value = '';
    gallery.addEventListener('change', () => {
      const sources = JSON.parse(root.querySelector('[data-gallery-sources]')?.textContent ?? '{}') as Record<string, string>;
      const next = sources[gallery.value];
      if (next === undefined) return;
      persist.flush();
      if (location.hash) history.replaceState(null, '', location.pathname + location.search);
      hideNotice();
      original = next;
      example = gallery.value;
      const restored = store ? restore(store, page, example, original) : { kind: 'original' as const };
      setCode(restored.kind === 'edited' ? restored.code : original, false);
      setMarkers([]);
    });
  }
  root.dataset.mounted = '';

  return {
    intent(kind) {
      switch (kind) {
        case 'show':
          if (full) void loadEditor(false);
          return;
        case 'warm':
          warm();
          return;
        case 'edit':
          warm();
          void loadEditor(true);
          return;
        case 'run':
          // The editor loads after the first run: loading both at once slows esbuild's start on 2 cores.
          void run().finally(() => void loadEditor(false));
          return;
        case 'reset':
          reset();
          return;
        case 'share':
          void share();
          return;
      }
    },
  };
}

/** Monaco's stylesheet and icon font, added when the editor loads (not in the page head: that would block the rendering of every page). */
let cssLoaded: Promise<void> | undefined;
function loadMonacoCss(): Promise<void> {
  cssLoaded ??= import('virtual:monaco-css').then(
    ({ default: css, font: fontUrl }) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      const font = new FontFace('codicon', `url(${fontUrl})`);
      document.fonts.add(font);
      void font.load().catch(() => {});
    },
  );
  return cssLoaded;
}
