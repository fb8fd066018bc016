/**
 * The timeline view: `mountTimeline(container, options)` builds a toolbar, one
 * <canvas> (all lanes, drawn by render.ts), a tooltip, a legend and a table of
 * spans for screen readers inside `container`, and returns a handle to feed it
 * runs and connect it to the console. Framework-free; include timeline.css.
 * How the playground wires it: src/timeline/README.md.
 *
 * This file only composes the pieces and owns what they share (hover,
 * highlight, playhead, the drawing schedule): dom.ts (elements), viewport.ts
 * (what is in view), pointer.ts and keyboard.ts (input), describe.ts (words),
 * announcer.ts (live region), theme.ts, legend.ts, table.ts, download.ts,
 * hooks.ts (data-* attributes). Tests: tests/browser/timeline.test.ts.
 */
import type { TraceInput } from '../trace/spans.ts';
import { announcer } from './announcer.ts';
import type { Controls } from './controls.ts';
import { describeHit, playheadText, rangeText, sameHit, summaryText, type HoverInfo, type ScrubPosition } from './describe.ts';
import { buildSkeleton } from './dom.ts';
import { wireDownload } from './download.ts';
import { hitTest, rowAt, type Hit } from './geometry.ts';
import { publish, TOOLTIP_KIND_HOOK } from './hooks.ts';
import { attachKeyboard, ZOOM_STEP } from './keyboard.ts';
import { renderLegend } from './legend.ts';
import { buildModel, seqAtTime, timeAtSeq, type ViewMode } from './model.ts';
import { PatternCache } from './patterns.ts';
import { attachPointer } from './pointer.ts';
import { drawTimeline, labelColumnWidth, labelText, type DrawStats, type Overlay } from './render.ts';
import type { Range } from './scale.ts';
import { formatter, type TimelineStrings } from './strings.ts';
import { renderTable } from './table.ts';
import { watchTheme } from './theme.ts';
import { Viewport } from './viewport.ts';

export type { HoverInfo, ScrubPosition } from './describe.ts';

/** A moment on the timeline: a trace step, a virtual time, or the i-th console line. */
export type Moment = { seq: number } | { t: number } | { line: number };

/** Options of mountTimeline. */
export interface TimelineOptions {
  /** UI strings (keys `timeline.*` from src/i18n); English fills gaps. */
  strings?: TimelineStrings;
  /** Called when the pointer enters a mark/span (info) or leaves everything (null). */
  onHover?: (info: HoverInfo | null) => void;
  /** Called while the playhead is dragged (and with null when it is cleared). */
  onScrub?: (position: ScrubPosition | null) => void;
  /** Starting view (default 'time'). */
  view?: ViewMode;
  /** Lanes shown before the view scrolls vertically (default 14). */
  maxVisibleRows?: number;
  /** File name of the downloaded trace (default 'miniloop-trace.json'). */
  fileName?: string;
}

/** What mountTimeline returns. */
export interface TimelineHandle {
  /** Show a run (ProgramResult or { trace, tasks, endTime }); resets zoom. Pass null to clear. */
  update(input: TraceInput | null): void;
  /** Mark a moment (e.g. the console line under the pointer) and bring it into view; null clears. A number is a seq. */
  highlight(at: Moment | number | null): void;
  /** Switch between the time axis, the steps axis and the microtasks view. */
  setView(mode: ViewMode): void;
  /** Set the visible range on the current axis (virtual ms or steps). */
  setRange(from: number, to: number): void;
  /** The visible range on the current axis. */
  getRange(): Range;
  /** Put the playhead at a moment (emits onScrub) or remove it. */
  scrubTo(at: Moment | null): void;
  /** Draw now (normally drawing waits for the next animation frame); returns the draw time in ms. */
  redraw(): number;
  /** What the last draw painted. */
  stats(): DrawStats & { ms: number };
  /** Remove everything and stop listening. */
  destroy(): void;
}

/** Mount a timeline view into `container` (its content is replaced). */
export function mountTimeline(container: HTMLElement, options: TimelineOptions = {}): TimelineHandle {
  const t = formatter(options.strings ?? {});
  const win = container.ownerDocument.defaultView ?? window;
  const dom = buildSkeleton(container, t, options.fileName ?? 'miniloop-trace.json');
  const ctx = dom.canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('timeline: no 2D canvas context');
  const view = new Viewport(options.view ?? 'time', options.maxVisibleRows);
  // Until the reader (or the options) picks a view, a run that takes no virtual
  // time at all (pure microtask programs, deadlocks at t = 0) opens on the steps
  // axis: on the time axis it would be a single vertical line.
  let autoView = options.view === undefined;
  let hover: Hit | null = null;
  let highlightAt: { seq: number; t: number; markSeq: number | null } | null = null;
  let playhead: ScrubPosition | null = null;
  let frame = 0;
  let lastStats: DrawStats & { ms: number } = { rects: 0, marks: 0, rows: 0, headerLabels: [], ms: 0 };
  let dpr = 1;
  let patterns: PatternCache | null = null;
  let tableStale = true;
  const live = announcer(dom.live);
  const download = wireDownload(dom.download);
  const theme = watchTheme(container, (palette) => {
    patterns = null;
    renderLegend(dom.legendBody, view.model, palette, t);
    schedule();
  });

  // ---- Size: the canvas is as wide as the plot and as tall as the visible lanes;
  // the label column as wide as the longest lane name needs (within limits, viewport.ts).
  const laneText: Overlay['text'] = {
    loop: t('timeline.lane.loop'),
    thread: (n) => t('timeline.lane.thread', { n }),
    blocked: (ms) => t('timeline.blockedFor', { ms }),
    microtasks: (jobs) => t('timeline.microtasks', { jobs }),
  };
  const font = (): string => `12px ${win.getComputedStyle(container).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'}`;
  const measureLabels = (): void => {
    ctx.font = font();
    view.labelNeed = labelColumnWidth(ctx, view.rows(), laneText);
  };
  const resize = (): void => {
    view.resize(dom.plot.clientWidth || container.clientWidth || 600);
    const { labelWidth } = view.geometry();
    if (container.dataset.labelWidth !== String(labelWidth)) publish(container, 'labelWidth', labelWidth);
    dpr = Math.max(1, win.devicePixelRatio || 1);
    const { canvas } = dom;
    if (canvas.width !== Math.round(view.width * dpr) || canvas.height !== Math.round(view.height * dpr)) {
      canvas.width = Math.round(view.width * dpr);
      canvas.height = Math.round(view.height * dpr);
      canvas.style.height = `${view.height}px`;
      patterns = null;
    }
  };
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    resize();
    schedule();
  }) : null;
  resizeObserver?.observe(dom.plot);

  // ---- Drawing: at most once per animation frame.
  const draw = (): number => {
    frame = 0;
    const started = performance.now();
    patterns ??= new PatternCache(ctx, dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const stats = drawTimeline(ctx, view.scene(), view.geometry(), theme.palette(), patterns, {
      highlight: highlightAt ? { v: view.valueOf(highlightAt, true), seq: highlightAt.markSeq } : null,
      playhead: playhead ? view.valueOf(playhead) : null,
      hover,
      text: laneText,
      font: font(),
    });
    showLanePosition();
    const ms = performance.now() - started;
    lastStats = { ...stats, ms };
    publish(container, 'drawMs', ms.toFixed(2));
    publish(container, 'drawnRects', stats.rects);
    return ms;
  };
  // With more lanes than fit, say which are in view ("Lanes 15–28 of 2000"); the canvas draws a scrollbar.
  // Written only when it changes: a draw must not touch the DOM needlessly.
  let shownLanes = '';
  const showLanePosition = (): void => {
    const { first, last, total } = view.visibleRows();
    const key = view.model ? `${first}|${last}|${total}` : '';
    if (key === shownLanes) return;
    shownLanes = key;
    const scrolls = view.model !== null && (last < total || first > 1);
    dom.lanePosition.hidden = !scrolls;
    if (scrolls) dom.lanePosition.textContent = t('timeline.lanes', { first, last, total });
    publish(container, 'firstRow', view.model ? first : null);
    publish(container, 'lastRow', view.model ? last : null);
  };
  function schedule(): void {
    if (!frame) frame = win.requestAnimationFrame(() => draw());
  }

  // ---- What the input handlers do (controls.ts).
  const publishRange = (): void => {
    publish(container, 'from', view.range.from);
    publish(container, 'to', view.range.to);
  };
  const rangeChanged = (): void => {
    publishRange();
    live.sayLater(() => rangeText(view.range, view.axis, t));
    schedule();
  };
  const showTooltip = (text: string, kind: string, x: number, y: number): void => {
    const { tooltip } = dom;
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.dataset[TOOLTIP_KIND_HOOK] = kind;
    const left = Math.min(Math.max(0, x + 12), Math.max(0, view.width - tooltip.offsetWidth - 4));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${y + 16}px`;
  };
  const setHover = (hit: Hit | null, x = 0, y = 0): void => {
    const changed = !sameHit(hit, hover);
    hover = hit;
    const { tooltip } = dom;
    if (!hit) {
      tooltip.hidden = true;
      if (changed) {
        options.onHover?.(null);
        schedule();
      }
      return;
    }
    const info = describeHit(hit, view.model, t);
    showTooltip(info.text, hit.type, x, y);
    if (changed) {
      options.onHover?.(info);
      schedule();
    }
  };
  const setPlayhead = (pos: ScrubPosition | null): void => {
    playhead = pos;
    publish(container, 'playheadSeq', pos?.seq ?? null);
    publish(container, 'playheadT', pos?.t ?? null);
    publishRange();
    if (pos) live.say(playheadText(view.model, pos, t));
    options.onScrub?.(pos);
    schedule();
  };
  const controls: Controls = {
    view,
    rangeChanged,
    scrolled: schedule,
    hoverAt: (x, y) => {
      const g = view.geometry();
      const row = x < g.labelWidth ? view.rows()[rowAt(g, y)] : undefined;
      if (!row) {
        setHover(hitTest(view.scene(), g, x, y), x, y);
        return;
      }
      // The label column: the lane's whole name (the canvas may have cut it).
      setHover(null);
      showTooltip(labelText(row, laneText), 'label', x, y);
    },
    clearHover: () => setHover(null),
    playhead: () => playhead,
    setPlayhead,
  };
  attachPointer(dom.canvas, controls);
  attachKeyboard(dom.plot, controls);

  // ---- Toolbar and the table.
  for (const [m, b] of dom.viewButtons) b.addEventListener('click', () => handle.setView(m));
  const zoomButton = (b: HTMLButtonElement, move: () => void): void => b.addEventListener('click', () => {
    move();
    rangeChanged();
  });
  zoomButton(dom.zoomButtons.zoomOut, () => view.zoom(1 / ZOOM_STEP));
  zoomButton(dom.zoomButtons.zoomIn, () => view.zoom(ZOOM_STEP));
  zoomButton(dom.zoomButtons.fit, () => view.fit());
  const showTable = (): void => {
    tableStale = false;
    renderTable(dom.tableHolder, view.model, t);
  };
  dom.tableBox.addEventListener('toggle', () => {
    if (dom.tableBox.open && tableStale) showTable();
  });

  const syncViewButtons = (): void => {
    const { mode, model } = view;
    for (const [m, b] of dom.viewButtons) b.setAttribute('aria-pressed', String(m === mode));
    const microtasks = dom.viewButtons.get('microtasks');
    if (microtasks) microtasks.hidden = !(model?.hasLoop ?? false) && mode !== 'microtasks';
    dom.axisNote.textContent = t(`timeline.legend.${mode}`) + (mode === 'microtasks' && model && !model.hasLoop ? ` ${t('timeline.noLoop')}` : '');
    publish(container, 'view', mode);
  };

  const handle: TimelineHandle = {
    update(next) {
      const model = next ? buildModel(next) : null;
      view.model = model;
      download.reset(next);
      hover = null;
      highlightAt = null;
      playhead = null;
      view.scrollY = 0;
      dom.tooltip.hidden = true;
      dom.empty.hidden = !!model;
      publish(container, 'lanes', model?.taskCount ?? 0);
      publish(container, 'rows', model?.rows.length ?? 0);
      publish(container, 'spans', model?.spanCount ?? 0);
      publish(container, 'marks', model?.markCount ?? 0);
      publish(container, 'threads', model?.timeline.threads.length ?? 0);
      publish(container, 'stalls', model?.timeline.stalls.length ?? 0);
      dom.plot.setAttribute('aria-label', `${t('timeline.label')}: ${summaryText(model, t)}`);
      tableStale = true;
      if (dom.tableBox.open) showTable();
      if (autoView && model) view.mode = model.timeline.endTime === 0 ? 'steps' : 'time';
      renderLegend(dom.legendBody, model, theme.palette(), t);
      syncViewButtons();
      measureLabels();
      resize();
      view.fit();
      rangeChanged();
    },
    highlight(at) {
      const m = view.model;
      if (at === null || !m) {
        highlightAt = null;
        publish(container, 'highlightSeq', null);
        schedule();
        return;
      }
      const moment: Moment = typeof at === 'number' ? { seq: at } : at;
      let seq: number;
      let markSeq: number | null = null;
      if ('line' in moment) {
        seq = m.logSeqs[moment.line] ?? m.timeline.endSeq;
        markSeq = m.logSeqs[moment.line] ?? null;
      } else if ('seq' in moment) {
        seq = moment.seq;
        markSeq = moment.seq;
      } else seq = seqAtTime(m, moment.t);
      highlightAt = { seq, t: 't' in moment ? moment.t : timeAtSeq(m, seq), markSeq };
      publish(container, 'highlightSeq', seq);
      if (view.reveal(view.valueOf(highlightAt, true))) rangeChanged();
      schedule();
    },
    setView(next) {
      autoView = false;
      if (next === view.mode && view.model) return;
      const axisChanges = view.model !== null && view.axis !== (next === 'time' ? 'time' : 'steps');
      view.switchTo(next);
      syncViewButtons();
      measureLabels();
      resize();
      if (axisChanges) rangeChanged();
      schedule();
    },
    setRange(from, to) {
      view.setRange(from, to);
      rangeChanged();
    },
    getRange: () => ({ ...view.range }),
    scrubTo(at) {
      const m = view.model;
      if (!at || !m) {
        setPlayhead(null);
        return;
      }
      const seq = 'seq' in at ? at.seq : 'line' in at ? (m.logSeqs[at.line] ?? 0) : seqAtTime(m, at.t);
      setPlayhead({ seq, t: 't' in at ? at.t : timeAtSeq(m, seq) });
    },
    redraw() {
      if (frame) win.cancelAnimationFrame(frame);
      resize();
      return draw();
    },
    stats: () => ({ ...lastStats }),
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      live.dispose();
      theme.dispose();
      resizeObserver?.disconnect();
      download.dispose();
      container.replaceChildren();
      container.classList.remove('tl');
    },
  };

  handle.update(null);
  return handle;
}
