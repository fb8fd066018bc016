/**
 * "Spans as a table": the text alternative to the canvas (task, state, from,
 * to, waits on), the first TABLE_LIMIT rows with a note if there are more.
 * Built only when the reader opens it. Test: "what it shows" in
 * tests/browser/timeline.test.ts.
 */
import type { WaitKind } from '../runtime/trace.ts';
import { formatMs } from '../trace/format-ms.ts';
import { element } from './dom.ts';
import { spanRows, type TimelineModel } from './model.ts';
import { waitKey, type TimelineKey, type Translate } from './strings.ts';

/** Rows listed at most (a 10,000-span run would make a slow page). */
export const TABLE_LIMIT = 2000;

/** Fill `holder` with the table of `model`'s spans (empty without a run). */
export function renderTable(holder: HTMLElement, model: TimelineModel | null, t: Translate): void {
  if (!model) {
    holder.replaceChildren();
    return;
  }
  const doc = holder.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => element(doc, tag, cls, text);
  const rows = spanRows(model, TABLE_LIMIT);
  const table = el('table');
  const caption = el('caption', 'visually-hidden', t('timeline.table'));
  const head = el('thead');
  const hr = el('tr');
  for (const k of ['task', 'state', 'from', 'to', 'on'] as const) {
    const th = el('th', undefined, t(`timeline.table.${k}`));
    th.scope = 'col';
    hr.append(th);
  }
  head.append(hr);
  const body = el('tbody');
  const frag = doc.createDocumentFragment();
  for (const r of rows) {
    const tr = el('tr');
    tr.append(
      el('td', undefined, r.task),
      el('td', undefined, t(`timeline.state.${r.state}` as TimelineKey)),
      el('td', undefined, `${formatMs(r.from)} (#${r.seqFrom})`),
      el('td', undefined, `${formatMs(r.to)} (#${r.seqTo})`),
      el('td', undefined, r.on ? `${t(waitKey(r.on.kind as WaitKind))}: ${r.on.what}` : ''),
    );
    frag.append(tr);
  }
  body.append(frag);
  table.append(caption, head, body);
  const parts: HTMLElement[] = [table];
  if (model.spanCount > rows.length) parts.push(el('p', 'tl-more', t('timeline.table.more', { count: model.spanCount - rows.length })));
  holder.replaceChildren(...parts);
}
