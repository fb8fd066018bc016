/**
 * Compare: the TypeScript twin (the page's playground for the same example,
 * with what the reader sees in its editor: their edit, or the example) run in
 * the playground's own sandbox, and the Python run just made, drawn by the
 * timeline one above the other on one time axis, with a table of the console
 * lines that differ (line-diff.ts). The comparison says which versions it
 * compared (the reader's edit or the page's, for each language).
 * tests/browser/python.test.ts and python-edits.test.ts open it.
 */
import type { CompiledProgram, CompileResult } from '../compiler/compile.ts';
import { currentCode } from '../playground/current-code.ts';
import { HOOK } from '../playground/hooks.ts';
import type { WireLine } from '../playground/protocol.ts';
import { Sandbox } from '../playground/sandbox.ts';
import { diffLines } from './line-diff.ts';
import '../timeline/timeline.css';

type T = (key: string, vars?: Record<string, string | number>) => string;

export interface CompareInput {
  /** '<page>/<name>': the playground with this data-example is the TypeScript twin. */
  example: string;
  /** The Python run to compare; `edited`: its code was not the page's. */
  python: { lines: WireLine[]; timeline: unknown; edited: boolean };
  pythonVersion: string;
  t: T;
  timelineStrings: Record<string, string>;
}

/** The TypeScript twin as the reader sees it: its root, the text in its editor, and the build's compile of that text when there is one. */
export function typescriptTwin(example: string): { code: string; edited: boolean; prebuilt: CompiledProgram | undefined; boot: string } | undefined {
  const root = [...document.querySelectorAll<HTMLElement>(`[data-${HOOK.root}]`)].find((el) => el.dataset.example === example);
  if (!root) return undefined;
  const { code, edited } = currentCode(root);
  let prebuilt: CompiledProgram | undefined;
  for (const el of root.querySelectorAll(`[data-${HOOK.compiled}]`)) {
    try {
      prebuilt ??= (JSON.parse(el.textContent ?? '[]') as CompiledProgram[]).find((p) => p?.ok === true && p.source === code);
    } catch {
      // A damaged element: the text is compiled in the page.
    }
  }
  return { code, edited, prebuilt, boot: root.dataset.boot ?? '' };
}

/** The build's program for the twin's text, or a compile in the page (esbuild-wasm, loaded on demand) of the reader's edit. */
async function compileTwin(twin: { code: string; prebuilt: CompiledProgram | undefined }): Promise<CompileResult> {
  if (twin.prebuilt) return twin.prebuilt;
  const { compileSource } = await import('../playground/compiler.ts');
  return compileSource(twin.code);
}

/** Run the TypeScript twin once in a sandbox of its own; resolves with its lines and timeline. */
function runTypescript(program: CompiledProgram, boot: string): Promise<{ lines: WireLine[]; timeline: unknown }> {
  const sandbox = new Sandbox(boot, () => import('virtual:miniloop-runner').then((m) => m.default));
  const lines: WireLine[] = [];
  return new Promise((resolve, reject) => {
    void sandbox.run(program, {
      onLines: (batch) => lines.push(...batch),
      onDone: (done) => {
        sandbox.dispose();
        resolve({ lines, timeline: done.timeline });
      },
      onAbort: (reason, message) => {
        sandbox.dispose();
        reject(new Error(message ?? reason));
      },
    });
  });
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Fill `panel` with the comparison (replacing an earlier one). */
export async function mountCompare(panel: HTMLElement, input: CompareInput): Promise<void> {
  const { t } = input;
  panel.hidden = false;
  panel.replaceChildren(el('p', 'pg-note', t('python.compareRunning')));
  const twin = typescriptTwin(input.example);
  if (!twin) {
    panel.replaceChildren(el('p', 'pg-note', t('python.compareNone')));
    return;
  }
  let ts: { lines: WireLine[]; timeline: unknown };
  try {
    const compiled = await compileTwin(twin);
    if (!compiled.ok) {
      const first = compiled.errors[0];
      panel.replaceChildren(el('p', 'pg-note', t('python.compareCompileError', { line: first?.line ?? 1, message: first?.message ?? '' })));
      return;
    }
    ts = await runTypescript(compiled, twin.boot);
  } catch (error) {
    panel.replaceChildren(el('p', 'pg-note', t('python.compareFailed', { message: String((error as Error).message) })));
    return;
  }
  const { mountTimeline, validTraceInput } = await import('../timeline/index.ts');
  const tsTrace = validTraceInput(ts.timeline);
  const pyTrace = validTraceInput(input.python.timeline);
  const end = Math.max(tsTrace?.endTime ?? 0, pyTrace?.endTime ?? 0, 1);

  const tsTitle = t(twin.edited ? 'python.compareTsEdited' : 'python.compareTs');
  const pyTitle = t(input.python.edited ? 'python.comparePyEdited' : 'python.comparePy', { version: input.pythonVersion });
  const heading = el('h4', 'py-compare-title', t('python.compareTitle'));
  // Which versions: the reader may have edited either side (or both) since the page loaded.
  const which = el('p', 'py-compare-which', t('python.compareWhich', {
    ts: t(twin.edited ? 'python.compareWhich.tsEdited' : 'python.compareWhich.tsPage'),
    py: t(input.python.edited ? 'python.compareWhich.pyEdited' : 'python.compareWhich.pyPage'),
  }));
  which.dataset.ts = twin.edited ? 'edited' : 'page';
  which.dataset.py = input.python.edited ? 'edited' : 'page';
  const panes = el('div', 'py-compare-panes');
  for (const [lang, trace, title] of [
    ['ts', tsTrace, tsTitle],
    ['py', pyTrace, pyTitle],
  ] as const) {
    const pane = el('section', 'py-compare-pane');
    pane.dataset.lang = lang;
    pane.setAttribute('aria-label', title);
    pane.append(el('h5', 'py-compare-pane-title', title));
    const box = el('div', 'pg-timeline');
    pane.append(box);
    panes.append(pane);
    if (!trace) {
      box.append(el('p', 'pg-note', t('python.compareNoTrace')));
      continue;
    }
    const handle = mountTimeline(box, { strings: input.timelineStrings, fileName: `${input.example.replace(/\W+/g, '-')}-${lang}.json` });
    // One time axis for both: each view's extent runs to the later run's end
    // (the earlier one's tail is empty: that run had ended).
    handle.update({ ...trace, endTime: end });
    handle.setRange(0, end);
  }

  const diffs = diffLines(ts.lines, input.python.lines);
  const summary = el('p', 'py-compare-summary', diffs.length ? t('python.compareDiffers', { count: diffs.length }) : t('python.compareSame', { count: ts.lines.length }));
  summary.setAttribute('role', 'status');
  const parts: HTMLElement[] = [heading, which, summary];
  if (diffs.length) {
    const table = el('table', 'py-compare-diff');
    const caption = el('caption', '', t('python.compareDiffCaption'));
    const head = el('tr', '');
    for (const text of ['#', tsTitle, pyTitle]) head.append(Object.assign(el('th', '', text), { scope: 'col' }));
    table.append(caption, el('thead', ''), el('tbody', ''));
    table.tHead!.append(head);
    const show = (line: WireLine | undefined, differs: readonly string[]) => {
      const cell = el('td', '');
      if (!line) {
        cell.textContent = '—';
        return cell;
      }
      for (const [key, text] of [['t', `${Math.round(line.t)} ms`], ['task', line.task], ['text', line.text]] as const) {
        const piece = el(differs.includes(key) ? 'mark' : 'span', `py-diff-${key}`, text);
        cell.append(piece, ' ');
      }
      return cell;
    };
    for (const diff of diffs) {
      const row = el('tr', '');
      row.dataset.differs = diff.differs.join(' ');
      row.append(Object.assign(el('th', '', String(diff.index + 1)), { scope: 'row' }), show(diff.ts, diff.differs), show(diff.py, diff.differs));
      table.tBodies[0]!.append(row);
    }
    parts.push(table);
  }
  parts.push(panes);
  panel.replaceChildren(...parts);
}
