/**
 * Compare: the TypeScript twin (the page's playground for the same example,
 * as the build compiled it) run in the playground's own sandbox, and the
 * Python run just made, drawn by the timeline one above the other on one time
 * axis, with a table of the console lines that differ (line-diff.ts).
 * tests/browser/python.test.ts opens it.
 */
import type { CompiledProgram } from '../compiler/compile.ts';
import { HOOK } from '../playground/hooks.ts';
import type { WireLine } from '../playground/protocol.ts';
import { Sandbox } from '../playground/sandbox.ts';
import { diffLines } from './line-diff.ts';
import '../timeline/timeline.css';

type T = (key: string, vars?: Record<string, string | number>) => string;

export interface CompareInput {
  /** '<page>/<name>': the playground with this data-example is the TypeScript twin. */
  example: string;
  python: { lines: WireLine[]; timeline: unknown };
  pythonVersion: string;
  t: T;
  timelineStrings: Record<string, string>;
}

/** The TypeScript twin's program as the build compiled it, and its boot URL; undefined when the page has none. */
export function typescriptTwin(example: string): { program: CompiledProgram; boot: string } | undefined {
  const root = [...document.querySelectorAll<HTMLElement>(`[data-${HOOK.root}]`)].find((el) => el.dataset.example === example);
  if (!root) return undefined;
  let source: string;
  try {
    source = JSON.parse(root.querySelector(`[data-${HOOK.source}]`)?.textContent ?? '""') as string;
  } catch {
    return undefined;
  }
  for (const el of root.querySelectorAll(`[data-${HOOK.compiled}]`)) {
    try {
      const program = (JSON.parse(el.textContent ?? '[]') as CompiledProgram[]).find((p) => p?.ok === true && p.source === source);
      if (program) return { program, boot: root.dataset.boot ?? '' };
    } catch {
      // A damaged element: no comparison.
    }
  }
  return undefined;
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
    ts = await runTypescript(twin.program, twin.boot);
  } catch (error) {
    panel.replaceChildren(el('p', 'pg-note', t('python.compareFailed', { message: String((error as Error).message) })));
    return;
  }
  const { mountTimeline, validTraceInput } = await import('../timeline/index.ts');
  const tsTrace = validTraceInput(ts.timeline);
  const pyTrace = validTraceInput(input.python.timeline);
  const end = Math.max(tsTrace?.endTime ?? 0, pyTrace?.endTime ?? 0, 1);

  const heading = el('h4', 'py-compare-title', t('python.compareTitle'));
  const panes = el('div', 'py-compare-panes');
  for (const [lang, trace, title] of [
    ['ts', tsTrace, t('python.compareTs')],
    ['py', pyTrace, t('python.comparePy', { version: input.pythonVersion })],
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
  const parts: HTMLElement[] = [heading, summary];
  if (diffs.length) {
    const table = el('table', 'py-compare-diff');
    const caption = el('caption', '', t('python.compareDiffCaption'));
    const head = el('tr', '');
    for (const text of ['#', t('python.compareTs'), t('python.comparePy', { version: input.pythonVersion })]) head.append(Object.assign(el('th', '', text), { scope: 'col' }));
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
