/**
 * Run Python beside a twin (components/PythonTwin.astro): loaded on the first
 * intent (a click on Run Python, focus in the code), it turns the listing into
 * an editor, runs the program in the Python sandbox (python-sandbox.ts: the
 * sandbox frame, never the page), shows the loading progress (role=progressbar,
 * bytes and what is loading), the console in the TypeScript playground's
 * style (src/playground/console-view.ts), the run's timeline (the
 * playground's TimelinePanel over src/timeline), and Compare: the TypeScript
 * twin's run (as the reader's editor shows it) and the Python run on one time
 * axis, with the lines that differ; Reset (with Undo) and the reader's edit
 * kept across a reload (saved-edit.ts).
 * The root's data-state says where a run is (tests/browser/python.test.ts).
 */
import { ConsoleView, type RunBlock } from '../playground/console-view.ts';
import { TimelinePanel } from '../playground/timeline-panel.ts';
import { translator } from '../playground/strings.ts';
import { WALL_TIME_BUDGET_MS } from '../playground/sandbox.ts';
import type { WireLine } from '../playground/protocol.ts';
import { createPythonEditor } from './python-editor.ts';
import { PythonSandbox, type LoadProgress } from './python-sandbox.ts';
import { mountCompare } from './compare.ts';
import { savedEdit } from './saved-edit.ts';

/** One Python sandbox per page: Python loads once and every twin of the page uses it. */
let shared: PythonSandbox | undefined;
const workerText = () => import('virtual:python-worker').then((m) => m.default);

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The strings the component passed (python.* and the playground.* the console uses). */
function strings(root: HTMLElement): (key: string, vars?: Record<string, string | number>) => string {
  const table = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const t = translator(table);
  return (key, vars) => t(key as Parameters<typeof t>[0], vars);
}

const part = <E extends HTMLElement = HTMLElement>(root: HTMLElement, name: string) => root.querySelector<E>(`[data-py-${name}]`)!;

/** Wire one twin; returns its run function (the bootstrap calls it for the click that loaded us). */
export function mountTwin(root: HTMLElement): { run(): void } {
  if (root.dataset.pyMounted) return { run: () => part(root, 'run').click() };
  root.dataset.pyMounted = '';
  const t = strings(root);
  const base = root.dataset.base ?? '/';
  // Absolute: the worker, started from a blob in an opaque frame, has no base URL to resolve against.
  shared ??= new PythonSandbox(root.dataset.boot ?? '', new URL(`${base}pyodide/`, location.href).href, workerText);
  const sandbox = shared;
  const source = JSON.parse(part(root, 'source').textContent ?? '""') as string;
  const filename = `${(root.dataset.file ?? 'twin').split('/').pop()}.py`;

  const codeBox = part(root, 'code');
  const editor = createPythonEditor(source, t('python.editor'));
  // The reader's edit survives a reload, as in the TypeScript playground (saved-edit.ts).
  const saved = savedEdit(root.dataset.page ?? '', root.dataset.file ?? '', source);
  if (saved.restored.kind !== 'original') editor.value = saved.restored.code;
  const hadFocus = codeBox.contains(document.activeElement);
  codeBox.replaceChildren(editor.element);
  if (hadFocus) editor.textarea.focus();

  const runButton = part<HTMLButtonElement>(root, 'run');
  const stopButton = part<HTMLButtonElement>(root, 'stop');
  const compareButton = root.querySelector<HTMLButtonElement>('[data-py-compare]');
  const resetButton = root.querySelector<HTMLButtonElement>('[data-py-reset]');
  const editedBadge = root.querySelector<HTMLElement>('[data-py-edited]');
  const status = part(root, 'status');
  const progress = part(root, 'progress');
  const progressText = part(root, 'progress-text');
  const consolePanel = part(root, 'console');
  const consoleView = new ConsoleView(consolePanel, t);
  const timeline = new TimelinePanel(part(root, 'timeline'), consolePanel, () => [...consolePanel.querySelectorAll<HTMLElement>('details.pg-run-block:last-of-type .pg-line')]);
  let lastRun: { lines: WireLine[]; timeline: unknown; edited: boolean } | undefined;
  let version = '';

  const setState = (state: string) => (root.dataset.state = state);
  const showProgress = (p: LoadProgress) => {
    progress.hidden = false;
    const total = Math.max(p.total, p.loaded, 1);
    progress.setAttribute('aria-valuemax', String(total));
    progress.setAttribute('aria-valuenow', String(p.loaded));
    const text = p.phase === 'download'
      ? t('python.loading', { file: p.what, loaded: MB(p.loaded), total: MB(total) })
      : t('python.starting', { what: t(`python.stage.${p.what}`), total: MB(total) });
    progress.setAttribute('aria-valuetext', text);
    progressText.textContent = text;
    (progress.querySelector('.py-progress-bar') as HTMLElement).style.inlineSize = `${(100 * p.loaded) / total}%`;
    status.textContent = t('python.progressLabel');
  };

  let readyNote: string | undefined;
  const finish = (block: RunBlock) => {
    runButton.disabled = false;
    stopButton.disabled = true;
    progress.hidden = true;
    block.draw();
    if (readyNote) block.note(readyNote);
    readyNote = undefined;
  };

  const run = () => {
    if (sandbox.running) sandbox.stop();
    const block = consoleView.startRun();
    consolePanel.hidden = false;
    const lines: WireLine[] = [];
    const code = editor.value;
    saved.flush();
    runButton.disabled = true;
    stopButton.disabled = false;
    setState(sandbox.loaded ? 'running' : 'loading');
    status.textContent = t(sandbox.loaded ? 'python.running' : 'python.progressLabel');
    void sandbox.run(code, filename, {
      onProgress: showProgress,
      onReady: (v, ms) => {
        version = v;
        progress.hidden = true;
        setState('running');
        // Noted when the run ends: a block's notes follow its lines.
        readyNote = t('python.ready', { version: v, seconds: (ms / 1000).toFixed(1) });
        status.textContent = t('python.running');
      },
      onLines: (batch) => {
        lines.push(...batch);
        block.addLines(batch);
      },
      onDone: (done) => {
        finish(block);
        for (const problem of done.problems) block.problem(problem);
        block.noteTotal(done.total);
        const text = done.status === 'ok' ? t('python.finished', { t: done.endTime }) : t('python.failed', { t: done.endTime });
        block.note(text);
        status.textContent = text;
        setState(done.status === 'ok' ? 'ok' : 'failed');
        lastRun = { lines, timeline: done.timeline, edited: code !== source };
        void timeline.show(done.timeline);
        if (compareButton) compareButton.disabled = false;
      },
      onAbort: (reason, message) => {
        finish(block);
        const text = reason === 'stopped' ? t('python.stopped') : reason === 'timeout' ? t('python.timeout', { seconds: WALL_TIME_BUDGET_MS / 1000 }) : t('python.crashed', { message: message ?? '' });
        block.note(text);
        status.textContent = text;
        setState(reason === 'crash' ? 'crash' : reason);
      },
    });
  };

  /** The "edited" badge: the code differs from the twin on the page. */
  const showEdited = () => {
    if (editedBadge) editedBadge.hidden = editor.value === source;
  };
  showEdited();
  if (saved.restored.kind === 'stale') status.textContent = t('playground.stale');
  editor.textarea.addEventListener('input', () => {
    saved.save(editor.value);
    showEdited();
  });

  /** Reset, as the TypeScript playground's: back to the twin, the saved edit forgotten; Undo brings the reader's code back (and saves it again). */
  const reset = () => {
    const before = editor.value;
    saved.forget();
    editor.value = source;
    showEdited();
    if (before === source) {
      status.textContent = '';
      return;
    }
    const undo = Object.assign(document.createElement('button'), { type: 'button', textContent: t('playground.undoReset') });
    undo.dataset.pyUndoReset = '';
    undo.addEventListener('click', () => {
      editor.value = before;
      saved.save(before);
      saved.flush();
      showEdited();
      status.textContent = '';
      editor.textarea.focus();
    });
    status.replaceChildren(t('playground.resetDone'), ' ', undo);
  };

  runButton.addEventListener('click', run);
  resetButton?.addEventListener('click', reset);
  stopButton.addEventListener('click', () => sandbox.stop());
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    } else if (event.key === 'Escape' && sandbox.running) sandbox.stop();
  });
  compareButton?.addEventListener('click', () => {
    if (!lastRun) return;
    compareButton.disabled = true;
    void mountCompare(part(root, 'compare-panel'), {
      example: root.dataset.example ?? '',
      python: lastRun,
      pythonVersion: version,
      t,
      timelineStrings: JSON.parse(part(root, 'timeline').dataset.strings ?? '{}') as Record<string, string>,
    }).finally(() => (compareButton.disabled = false));
  });
  return { run };
}
