/**
 * One playground's UI, once the reader has shown intent (see loader.ts): it
 * wires the pieces together and draws what they report.
 * - code-view.ts: the code (static HTML → Monaco, or a <textarea>)
 * - session.ts: the DOM-free run session (build-time program or page compile, sandbox, results)
 * - console-view.ts, problems-view.ts, timeline-panel.ts: what a run and the checker report
 * - storage.ts, share.ts: saved edits, share links
 * The markup's hooks are named in hooks.ts. Run never waits for the editor: it
 * runs whatever text the reader sees.
 */
import type { CompiledProgram, CompileFailure } from '../compiler/compile.ts';
import { GRADED_ATTRIBUTE, RUN_RECORD_EVENT } from '../exercises/run-event.ts';
import { CodeView } from './code-view.ts';
import { compileSource, startCompiler } from './compiler.ts';
import { ConsoleView, type RunBlock } from './console-view.ts';
import { answerCurrentCode } from './current-code.ts';
import { hook, HOOK, setState } from './hooks.ts';
import { mountGallery, mountSplitter } from './full-page.ts';
import { ProblemsView } from './problems-view.ts';
import { Sandbox, WALL_TIME_BUDGET_MS } from './sandbox.ts';
import { TOTAL_BUDGET_MS } from './watchdog.ts';
import { RunSession } from './session.ts';
import { codeFromHash, shareUrl } from './share.ts';
import { debounce, forget, hashText, restore, save } from './storage.ts';
import { translator } from './strings.ts';
import { TimelinePanel } from './timeline-panel.ts';

type Intent = 'show' | 'edit' | 'run' | 'warm' | 'reset' | 'share';

/** Text of the runner bundle (a lazily loaded chunk), shared by every playground of the page. */
let runnerText: Promise<string> | undefined;
const loadRunner = () => (runnerText ??= import('virtual:miniloop-runner').then((m) => m.default));

/** The programs the build compiled for this playground (hook `compiled`: one per example it can show), by source text. */
function prebuiltPrograms(root: HTMLElement): Map<string, CompiledProgram> {
  const programs = new Map<string, CompiledProgram>();
  for (const el of root.querySelectorAll(`[data-${HOOK.compiled}]`)) {
    try {
      const list = JSON.parse(el.textContent ?? '[]') as CompiledProgram[];
      for (const program of list) if (program?.ok === true) programs.set(program.source, program);
    } catch {
      // A damaged script element: those examples are compiled in the page.
    }
  }
  return programs;
}

/** Mounts the playground in `root` (the component's section); returns its intent handler. */
export function mountPlayground(root: HTMLElement): { intent(kind: Intent): void } {
  const $ = <E extends Element = HTMLElement>(name: Parameters<typeof hook>[1]) => hook<E>(root, name)!;
  const t = translator(JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>);
  const lang = root.dataset.lang ?? 'en';
  const base = root.dataset.base ?? '/';
  const full = root.hasAttribute(`data-${HOOK.full}`);
  const status = $('status');
  const notice = $('notice');
  const runButton = $<HTMLButtonElement>('run');
  const stopButton = $<HTMLButtonElement>('stop');
  const clearButton = $<HTMLButtonElement>('clear');
  const consoleRoot = $('console');
  const view = new ConsoleView(consoleRoot, t);
  // The timeline of the last run, under the console (src/playground/timeline-panel.ts).
  const timeline = new TimelinePanel($('timeline'), consoleRoot, () => {
    const blocks = consoleRoot.querySelectorAll('details.pg-run-block');
    const last = blocks[blocks.length - 1];
    return last ? [...last.querySelectorAll<HTMLElement>('.pg-line')] : [];
  });

  // The code this playground starts from: the example, or (full page) code from a shared link.
  let original = JSON.parse($('source').textContent ?? '""') as string;
  const page = root.dataset.page ?? '';
  let example = root.dataset.example ?? '';
  const code = new CodeView({
    box: $('code'),
    staticSource: original,
    full,
    label: t('playground.editor'),
    loadFailed: t('playground.loadFailed'),
    onEdit: (value) => {
      persist(value);
      session.editing();
      showEdited();
    },
    onRun: () => void run(),
    onDiagnostics: (found) => {
      problems.set('types', found);
      setState(root, 'typeErrors', String(found.length));
    },
    onFallback: (reason) => (status.textContent = reason),
    onEditor: () => setState(root, 'editor', 'monaco'),
    taskPromiseNote: (name) => t('playground.taskPromise', { name }),
  });
  const problems = new ProblemsView($('problems'), t, (line, column) => code.reveal(line, column));
  // Run Python's Compare asks for the text the reader sees (src/playground/current-code.ts).
  answerCurrentCode(root, () => code.code);

  const prebuilt = prebuiltPrograms(root);
  const session = new RunSession({
    // An exercise's playground (data-graded) asks every run for its record, graded by src/exercises/client/.
    sandbox: new Sandbox(root.dataset.boot ?? '', loadRunner, WALL_TIME_BUDGET_MS, { record: root.hasAttribute(GRADED_ATTRIBUTE), lang: lang === 'zh' ? 'zh' : 'en' }),
    compile: compileSource,
    warmCompiler: () => void startCompiler().catch(() => {}),
    prebuilt: (source) => prebuilt.get(source),
  });

  let sharedNotice = false;
  if (full) {
    const shared = codeFromHash(location.hash);
    if (shared !== undefined) {
      original = shared;
      // Each shared program keeps its own edits; a different link is not a "changed original".
      example = `shared:${hashText(shared)}`;
      code.set(shared);
      // A shared program has no expected output; the notice goes once it has run.
      hook(root, 'expected')?.remove();
      showNotice(t('playground.shared'));
      sharedNotice = true;
    }
  }

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
  if (saved.kind !== 'original') code.set(saved.code);
  showEdited();
  if (saved.kind === 'stale') {
    showNotice(t('playground.stale'), [
      [
        t('playground.keepMine'),
        () => {
          if (store) {
            store.removeItem(saved.key);
            save(store, page, example, original, code.code);
          }
          hideNotice();
        },
      ],
      [t('playground.useNew'), () => reset()],
    ]);
  }

  /** The "edited" badge: the code differs from the example (whose expected output is the one shown). */
  function showEdited() {
    const badge = root.querySelector<HTMLElement>('[data-edited]');
    if (badge) badge.hidden = code.code === original;
  }

  /** The expected output shown before the first run (full page: of the example picked in the gallery). */
  function showExpected(text: string) {
    const pre = hook(root, 'expected')?.querySelector('pre');
    if (pre) pre.textContent = text;
  }

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

  let block: RunBlock | undefined;
  let runStarted = 0;

  async function run(): Promise<void> {
    persist.flush();
    if (sharedNotice) {
      sharedNotice = false;
      hideNotice();
    }
    const mine = (block = view.startRun());
    clearButton.hidden = false;
    runStarted = performance.now();
    let firstOutput = false;
    await session.run(code.code, {
      onPhase: (phase, from) => {
        setState(root, 'state', phase);
        if (phase === 'compiling') {
          status.textContent = t('playground.compiling');
          // Run is about to be disabled: a keyboard user on it goes to Stop, not to <body>.
          const onRun = document.activeElement === runButton;
          runButton.disabled = true;
          stopButton.disabled = false;
          if (onRun) stopButton.focus();
          return;
        }
        setState(root, 'compiled', from);
        setState(root, 'compileMs', (performance.now() - runStarted).toFixed(1));
        status.textContent = t('playground.running');
        code.mark([]);
        problems.set('compile', []);
      },
      onLines: (lines) => {
        if (!firstOutput) setState(root, 'firstOutputMs', (performance.now() - runStarted).toFixed(1));
        firstOutput = true;
        mine.addLines(lines);
      },
      onCompileError: (failure) => {
        showCompileErrors(failure, mine);
        timeline.markStale(t('playground.staleTimeline'));
        finish('compile-error');
        root.dispatchEvent(new CustomEvent(RUN_RECORD_EVENT, { detail: undefined }));
      },
      onDone: (done) => {
        if (done.tail) mine.addTail(done.tail, done.total);
        else mine.noteTotal(done.total);
        for (const problem of done.problems) {
          mine.problem(problem);
          // A browser API the runner took away (runner-worker.ts): say plainly what to use instead.
          const api = /(\w+) is not available to programs in the playground/.exec(problem.message);
          if (api) mine.note(t('playground.noNetwork', { name: api[1]! })).classList.add('pg-hint');
        }
        mine.note(t('playground.finished', { t: done.endTime }));
        finish(done.status);
        mine.draw();
        void timeline.show(done.timeline);
        if (done.record) root.dispatchEvent(new CustomEvent(RUN_RECORD_EVENT, { detail: done.record }));
      },
      onAbort: (reason, message) => {
        mine.noteTotal(0);
        root.dispatchEvent(new CustomEvent(RUN_RECORD_EVENT, { detail: undefined }));
        if (reason === 'timeout' && message === 'total') mine.problem({ kind: 'wall-time', message: t('playground.timeoutTotal', { seconds: TOTAL_BUDGET_MS / 1000 }) });
        else if (reason === 'timeout') mine.problem({ kind: 'wall-time', message: t('playground.timeout', { seconds: WALL_TIME_BUDGET_MS / 1000 }) });
        else if (reason === 'crash') mine.problem({ kind: 'crash', message: t('playground.crashed', { message: message ?? '' }) });
        else mine.note(t('playground.stopped'));
        finish(reason);
      },
    });
  }

  function finish(state: string) {
    const onStop = document.activeElement === stopButton;
    runButton.disabled = false;
    stopButton.disabled = true;
    // Back to Run for whoever was on Stop (or lost focus when Stop was disabled).
    if (onStop || document.activeElement === document.body) runButton.focus();
    status.textContent = '';
    setState(root, 'state', state);
    // Timings for bench/web.mjs (click to compiled, to first line, to done).
    setState(root, 'runMs', (performance.now() - runStarted).toFixed(1));
    view.scrollToEnd();
  }

  function showCompileErrors(failure: CompileFailure, into: RunBlock) {
    for (const e of failure.errors) into.problem(t('playground.compileError', { line: e.line, column: e.column + 1, message: e.message }));
    code.mark(failure.errors.map((e) => ({ line: e.line, column: e.column, message: e.message })));
    problems.set(
      'compile',
      failure.errors.map((e) => ({ line: e.line, column: e.column + 1, message: e.message })),
    );
  }

  function reset() {
    const before = code.code;
    persist.cancel();
    if (store) forget(store, page, example);
    hideNotice();
    code.set(original);
    code.mark([]);
    problems.set('compile', []);
    showEdited();
    if (before === original) return;
    // Reset can be undone: the reader's code comes back (and is saved again).
    const undo = Object.assign(document.createElement('button'), { type: 'button', textContent: t('playground.undoReset') });
    undo.dataset.undoReset = '';
    undo.addEventListener('click', () => {
      code.set(before);
      persist(before);
      persist.flush();
      showEdited();
      status.textContent = '';
      code.focus();
    });
    status.replaceChildren(t('playground.resetDone'), ' ', undo);
  }

  async function share() {
    const url = shareUrl(location.origin, base, lang, code.code);
    const link = Object.assign(document.createElement('a'), { href: url, textContent: url });
    link.dataset.shareLink = '';
    try {
      await navigator.clipboard.writeText(url);
      // Copied: the reader has it; the address itself would only crowd the toolbar.
      status.replaceChildren(t('playground.copied'));
    } catch {
      status.replaceChildren(t('playground.copyFailed'), ' ', link);
    }
  }

  runButton.addEventListener('click', () => void run());
  stopButton.addEventListener('click', () => session.stop());
  $('reset').addEventListener('click', reset);
  $('share').addEventListener('click', () => void share());
  clearButton.addEventListener('click', () => {
    view.clear();
    clearButton.hidden = true;
  });
  runButton.addEventListener('pointerenter', () => session.warm(code.code));
  $('code').addEventListener('focusin', () => void code.load(false));
  $('code').addEventListener('pointerdown', () => void code.load(true));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !runButton.disabled) {
      event.preventDefault();
      void run();
    } else if (event.key === 'Escape' && session.busy) {
      // The Stop shortcut (aria-keyshortcuts on the button).
      event.preventDefault();
      session.stop();
    }
  });
  // Full page: the gallery loads another example (its own saved edits included); the shared link is dropped from the address.
  const galleryNav = hook(root, 'gallery');
  if (galleryNav) {
    const mark = mountGallery(galleryNav, (id, next) => {
      persist.flush();
      if (location.hash) history.replaceState(null, '', location.pathname + location.search);
      hideNotice();
      original = next.source;
      example = id;
      showExpected(next.expected);
      const restored = store ? restore(store, page, example, original) : { kind: 'original' as const };
      code.set(restored.kind === 'edited' ? restored.code : original);
      code.mark([]);
      problems.set('compile', []);
      showEdited();
      code.focus();
      root.scrollIntoView({ block: 'start' });
    });
    mark(example.startsWith('shared:') ? undefined : example);
  }
  const split = root.querySelector<HTMLElement>('[data-split]');
  if (split) mountSplitter(root, root.querySelector<HTMLElement>('.pg-body')!, split);
  setState(root, 'mounted', '');

  /** After a run, the editor's bundle is imported only once the result has painted (two frames later). */
  const afterPaint = (then: () => void) => requestAnimationFrame(() => setTimeout(then, 0));

  return {
    intent(kind) {
      switch (kind) {
        case 'show':
          // The full page, or a saved edit: the editor shows it highlighted (the build's HTML is the original's).
          if (full || code.code !== original) void code.load(false);
          return;
        case 'warm':
          session.warm(code.code);
          return;
        case 'edit':
          // The sandbox gets ready; the compiler waits for the first actual edit (CodeView's onEdit).
          session.warm(code.code);
          void code.load(true);
          return;
        case 'run':
          void run().finally(() => afterPaint(() => void code.load(false)));
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
