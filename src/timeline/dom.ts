/**
 * The view's few DOM elements (spans live only on the canvas): toolbar (views,
 * zoom, download), the focusable plot with its canvas, tooltip and empty note,
 * the keyboard help and live region for screen readers, the legend and the
 * table of spans. Built once per mount; behaviour is wired by the other
 * modules (mount.ts says which).
 */
import { ACTION_HOOK, ACTION_HOOK_KEY, VIEW_HOOK } from './hooks.ts';
import type { ViewMode } from './model.ts';
import type { Translate } from './strings.ts';

/** The elements mountTimeline works with. */
export interface Skeleton {
  viewButtons: Map<ViewMode, HTMLButtonElement>;
  zoomButtons: Record<keyof typeof ACTION_HOOK, HTMLButtonElement>;
  download: HTMLAnchorElement;
  plot: HTMLDivElement;
  canvas: HTMLCanvasElement;
  tooltip: HTMLDivElement;
  empty: HTMLParagraphElement;
  /** Says where the lanes are scrolled when there are more than fit ("lanes 15-28 of 2000"). */
  lanePosition: HTMLParagraphElement;
  live: HTMLParagraphElement;
  legendBody: HTMLDivElement;
  axisNote: HTMLParagraphElement;
  tableBox: HTMLDetailsElement;
  tableHolder: HTMLDivElement;
}

/** A new element of `doc` with an optional class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Replace `container`'s content with the view's elements. */
export function buildSkeleton(container: HTMLElement, t: Translate, fileName: string): Skeleton {
  const doc = container.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => element(doc, tag, cls, text);
  container.replaceChildren();
  container.classList.add('tl');

  const toolbar = el('div', 'tl-toolbar');
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', t('timeline.label'));
  const viewGroup = el('div', 'tl-views');
  viewGroup.setAttribute('role', 'group');
  viewGroup.setAttribute('aria-label', t('timeline.axis'));
  const viewButtons = new Map<ViewMode, HTMLButtonElement>();
  for (const m of ['time', 'steps', 'microtasks'] as const) {
    const b = el('button', 'tl-btn', t(`timeline.view.${m}`));
    b.type = 'button';
    b.dataset[VIEW_HOOK] = m;
    viewButtons.set(m, b);
    viewGroup.append(b);
  }
  const zoomGroup = el('div', 'tl-zoom');
  const zoomButton = (text: string, label: string, action: string): HTMLButtonElement => {
    const b = el('button', 'tl-btn', text);
    b.type = 'button';
    b.title = label;
    b.setAttribute('aria-label', label);
    b.dataset[ACTION_HOOK_KEY] = action;
    zoomGroup.append(b);
    return b;
  };
  const zoomButtons = {
    zoomOut: zoomButton('−', t('timeline.zoomOut'), ACTION_HOOK.zoomOut),
    zoomIn: zoomButton('+', t('timeline.zoomIn'), ACTION_HOOK.zoomIn),
    fit: zoomButton('⤢', t('timeline.fit'), ACTION_HOOK.fit),
  };
  const download = el('a', 'tl-btn tl-download', t('timeline.download'));
  download.download = fileName;
  download.href = '#';
  download.setAttribute('role', 'button');
  toolbar.append(viewGroup, zoomGroup, download);

  const plot = el('div', 'tl-plot');
  plot.tabIndex = 0;
  plot.setAttribute('role', 'region');
  plot.setAttribute('aria-roledescription', 'timeline');
  const keysId = `tl-keys-${Math.random().toString(36).slice(2)}`;
  plot.setAttribute('aria-describedby', keysId);
  const canvas = el('canvas', 'tl-canvas');
  canvas.setAttribute('aria-hidden', 'true');
  const tooltip = el('div', 'tl-tooltip');
  tooltip.setAttribute('role', 'tooltip');
  tooltip.hidden = true;
  const empty = el('p', 'tl-empty', t('timeline.empty'));
  plot.append(canvas, tooltip, empty);
  const lanePosition = el('p', 'tl-lane-position');
  lanePosition.hidden = true;
  const keys = el('p', 'visually-hidden tl-keys', t('timeline.keys'));
  keys.id = keysId;
  const live = el('p', 'visually-hidden tl-live');
  live.setAttribute('aria-live', 'polite');

  const legend = el('details', 'tl-legend');
  const legendBody = el('div', 'tl-legend-body');
  const axisNote = el('p', 'tl-axis-note');
  legend.append(el('summary', undefined, t('timeline.legend')), legendBody, axisNote);

  const tableBox = el('details', 'tl-table');
  const tableHolder = el('div', 'tl-table-scroll');
  // It scrolls, so keyboard users must be able to focus it (WCAG 2.1.1).
  tableHolder.tabIndex = 0;
  tableHolder.setAttribute('role', 'region');
  tableHolder.setAttribute('aria-label', t('timeline.table'));
  tableBox.append(el('summary', undefined, t('timeline.table')), tableHolder);

  container.append(toolbar, plot, lanePosition, keys, live, legend, tableBox);
  return { viewButtons, zoomButtons, download, plot, canvas, tooltip, empty, lanePosition, live, legendBody, axisNote, tableBox, tableHolder };
}
