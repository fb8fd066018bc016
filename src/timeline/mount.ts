/**
 * The timeline view: `mountTimeline(container, options)` builds a toolbar, one
 * <canvas> (all lanes, drawn by render.ts), a tooltip, a legend and a table of
 * spans for screen readers inside `container`, and returns a handle to feed it
 * runs and connect it to the console. Framework-free; include timeline.css.
 * How the playground wires it: src/timeline/README.md.
 */
import type { WaitKind } from '../runtime/trace.ts';
import { toChromeTrace } from '../trace/chrome-trace.ts';
import type { Mark, TraceInput } from '../trace/spans.ts';
import { hitTest, maxScroll, plotWidth, valueAt, type Geometry, type Hit, type Scene } from './geometry.ts';
import {
  axisOf, buildModel, extentOf, firstMarkAtOrAfter, rowsFor, seqAtTime, spanRows, timeAtSeq,
  type Axis, type TimelineModel, type ViewMode,
} from './model.ts';
import { paintTile, PatternCache, TILE } from './patterns.ts';
import { drawMark, drawTimeline, type DrawStats } from './render.ts';
import { centreOn, clampRange, formatMs, panRange, zoomRange, type Range } from './scale.ts';
import { formatter, waitKey, type TimelineKey, type TimelineStrings } from './strings.ts';
import { COLOR_KEYS, cssVar, paletteFor, spanLook, WAIT_KINDS, type Palette } from './styles.ts';

/** A moment on the timeline: a trace step, a virtual time, or the i-th console line. */
export type Moment = { seq: number } | { t: number } | { line: number };

/** What the pointer (or keyboard) is on, as the console needs it. */
export interface HoverInfo {
  /** 'mark' for console lines and other marks; 'span' for spans, thread jobs and macrotasks; 'stall' for blockFor. */
  type: 'mark' | 'span' | 'stall';
  /** Trace step and virtual time where the item starts. */
  seq: number;
  t: number;
  /** Task id (0: the loop or a thread). */
  task: number;
  /** For console-line marks: index into ProgramResult.lines. */
  line?: number;
  /** The tooltip text. */
  text: string;
}

/** A playhead position: the console shows the lines with seq < `seq` (or t <= `t`). */
export interface ScrubPosition {
  seq: number;
  t: number;
}

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

const ROW_H = 22;
const HEADER_H = 26;
const MAX_VISIBLE_ROWS = 14;
const TABLE_LIMIT = 2000;

/** Mount a timeline view into `container` (its content is replaced). */
export function mountTimeline(container: HTMLElement, options: TimelineOptions = {}): TimelineHandle {
  const t = formatter(options.strings ?? {});
  const doc = container.ownerDocument;
  const win = doc.defaultView ?? window;
  let mode: ViewMode = options.view ?? 'time';
  // Until the reader (or the options) picks a view, a run that takes no virtual
  // time at all (pure microtask programs, deadlocks at t = 0) opens on the steps
  // axis: on the time axis it would be a single vertical line.
  let autoView = options.view === undefined;
  let model: TimelineModel | null = null;
  let input: TraceInput | null = null;
  let range: Range = { from: 0, to: 1 };
  let scrollY = 0;
  let hover: Hit | null = null;
  let highlightAt: { seq: number; t: number; markSeq: number | null } | null = null;
  let playhead: ScrubPosition | null = null;
  let frame = 0;
  let lastStats: DrawStats & { ms: number } = { rects: 0, marks: 0, rows: 0, ms: 0 };
  let palette: Palette = paletteFor('light');
  let dpr = 1;
  let patterns: PatternCache | null = null;
  let tableStale = true;
  let downloadUrl: string | null = null;

  // ---- DOM (a handful of elements; spans live only on the canvas).
  container.replaceChildren();
  container.classList.add('tl');
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  };
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
    b.dataset.view = m;
    b.addEventListener('click', () => {
      autoView = false;
      handle.setView(m);
    });
    viewButtons.set(m, b);
    viewGroup.append(b);
  }
  const zoomGroup = el('div', 'tl-zoom');
  const button = (text: string, label: string, action: () => void, name: string): HTMLButtonElement => {
    const b = el('button', 'tl-btn', text);
    b.type = 'button';
    b.title = label;
    b.setAttribute('aria-label', label);
    b.dataset.action = name;
    b.addEventListener('click', action);
    zoomGroup.append(b);
    return b;
  };
  button('−', t('timeline.zoomOut'), () => zoomBy(1 / 1.6), 'zoom-out');
  button('+', t('timeline.zoomIn'), () => zoomBy(1.6), 'zoom-in');
  button('⤢', t('timeline.fit'), () => fit(), 'fit');
  const download = el('a', 'tl-btn tl-download', t('timeline.download'));
  download.download = options.fileName ?? 'miniloop-trace.json';
  download.href = '#';
  download.setAttribute('role', 'button');
  download.addEventListener('click', (event) => {
    if (!input) {
      event.preventDefault();
      return;
    }
    // Build the file on demand: a 10k-span trace is not serialised on every run.
    if (!downloadUrl) {
      const blob = new Blob([JSON.stringify(toChromeTrace(input))], { type: 'application/json' });
      downloadUrl = URL.createObjectURL(blob);
    }
    download.href = downloadUrl;
  });
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
  const keys = el('p', 'visually-hidden tl-keys', t('timeline.keys'));
  keys.id = keysId;
  const live = el('p', 'visually-hidden tl-live');
  live.setAttribute('aria-live', 'polite');

  const legend = el('details', 'tl-legend');
  const legendSummary = el('summary', undefined, t('timeline.legend'));
  const legendBody = el('div', 'tl-legend-body');
  const axisNote = el('p', 'tl-axis-note');
  legend.append(legendSummary, legendBody, axisNote);

  const tableBox = el('details', 'tl-table');
  const tableSummary = el('summary', undefined, t('timeline.table'));
  const tableHolder = el('div', 'tl-table-scroll');
  // It scrolls, so keyboard users must be able to focus it (WCAG 2.1.1).
  tableHolder.tabIndex = 0;
  tableHolder.setAttribute('role', 'region');
  tableHolder.setAttribute('aria-label', t('timeline.table'));
  tableBox.append(tableSummary, tableHolder);
  tableBox.addEventListener('toggle', () => {
    if (tableBox.open && tableStale) renderTable();
  });

  container.append(toolbar, plot, keys, live, legend, tableBox);

  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('timeline: no 2D canvas context');

  // ---- Theme: read the CSS variables (timeline.css maps them to the site's themes).
  const readPalette = (): void => {
    const root = doc.documentElement;
    const dark = root.dataset.theme === 'dark' || (root.dataset.theme !== 'light' && win.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
    const fallback = paletteFor(dark ? 'dark' : 'light');
    const style = win.getComputedStyle(container);
    const next = { ...fallback };
    for (const key of COLOR_KEYS) {
      const v = style.getPropertyValue(cssVar(key)).trim();
      if (v) next[key] = v;
    }
    palette = next;
    patterns = null;
    renderLegend();
  };
  const themeObserver = new MutationObserver(() => {
    readPalette();
    schedule();
  });
  themeObserver.observe(doc.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const media = win.matchMedia?.('(prefers-color-scheme: dark)');
  const onMedia = (): void => {
    readPalette();
    schedule();
  };
  media?.addEventListener('change', onMedia);

  // ---- Geometry.
  let cssWidth = 0;
  let cssHeight = 0;
  const labelWidth = (): number => (cssWidth < 480 ? 84 : 136);
  const scene = (): Scene => ({
    rows: model ? rowsFor(model, mode) : [],
    stalls: model?.timeline.stalls ?? [],
    loopMarks: model && mode === 'microtasks' ? model.timeline.loopMarks : [],
    loop: model && mode === 'microtasks' ? model.timeline.loop : [],
  });
  const geometry = (): Geometry => ({
    width: cssWidth,
    height: cssHeight,
    labelWidth: labelWidth(),
    headerHeight: HEADER_H,
    rowHeight: ROW_H,
    scrollY,
    range,
    axis: axisOf(mode),
  });
  const resize = (): void => {
    const rows = model ? rowsFor(model, mode).length : 0;
    const w = Math.max(200, Math.floor(plot.clientWidth || container.clientWidth || 600));
    const h = HEADER_H + Math.max(1, Math.min(rows, options.maxVisibleRows ?? MAX_VISIBLE_ROWS)) * ROW_H + 2;
    dpr = Math.max(1, win.devicePixelRatio || 1);
    if (w !== cssWidth || h !== cssHeight || canvas.width !== Math.round(w * dpr)) {
      cssWidth = w;
      cssHeight = h;
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      canvas.style.height = `${h}px`;
      patterns = null;
    }
    scrollY = Math.min(scrollY, maxScroll(geometry(), rows));
  };
  const resizeObserver = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    resize();
    schedule();
  }) : null;
  resizeObserver?.observe(plot);

  // ---- Drawing.
  const draw = (): number => {
    frame = 0;
    const started = performance.now();
    if (!patterns) patterns = new PatternCache(ctx, dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const font = `12px ${win.getComputedStyle(container).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'}`;
    const axis = axisOf(mode);
    const stats = drawTimeline(ctx, scene(), geometry(), palette, patterns, {
      highlight: highlightAt ? { v: axis === 'time' ? highlightAt.t : highlightAt.seq + 0.5, seq: highlightAt.markSeq } : null,
      playhead: playhead ? (axis === 'time' ? playhead.t : playhead.seq) : null,
      hover,
      text: {
        loop: t('timeline.lane.loop'),
        thread: (n) => t('timeline.lane.thread', { n }),
        blocked: (ms) => t('timeline.blockedFor', { ms }),
        microtasks: (jobs) => t('timeline.microtasks', { jobs }),
      },
      font,
    });
    const ms = performance.now() - started;
    lastStats = { ...stats, ms };
    container.dataset.drawMs = ms.toFixed(2);
    container.dataset.drawnRects = String(stats.rects);
    return ms;
  };
  const schedule = (): void => {
    if (frame) return;
    frame = win.requestAnimationFrame(() => draw());
  };

  // ---- View changes.
  const extent = (): ReturnType<typeof extentOf> => (model ? extentOf(model, axisOf(mode)) : { min: 0, max: 1, minSpan: 1 });
  const fit = (): void => {
    const e = extent();
    range = { from: e.min, to: e.max };
    announceRange();
    schedule();
  };
  const zoomBy = (factor: number, anchor?: number): void => {
    range = zoomRange(range, factor, anchor ?? (range.from + range.to) / 2, extent());
    announceRange();
    schedule();
  };
  const panBy = (fraction: number): void => {
    range = panRange(range, (range.to - range.from) * fraction, extent());
    announceRange();
    schedule();
  };
  const fmt = (v: number, axis: Axis = axisOf(mode)): string => (axis === 'time' ? formatMs(v) : t('timeline.step', { n: Math.round(v) }));
  // The live region says the latest thing only: a range announcement is held back 250 ms
  // (zooming and panning fire many), and anything said meanwhile (the playhead) cancels it,
  // so a stale "Showing ..." never replaces a newer message.
  let announceTimer = 0;
  const say = (text: string): void => {
    win.clearTimeout(announceTimer);
    live.textContent = text;
  };
  const noteRange = (): void => {
    container.dataset.from = String(range.from);
    container.dataset.to = String(range.to);
  };
  const announceRange = (): void => {
    noteRange();
    win.clearTimeout(announceTimer);
    announceTimer = win.setTimeout(() => {
      live.textContent = t('timeline.view', { from: fmt(range.from), to: fmt(range.to) });
    }, 250);
  };

  // ---- Tooltip and hover.
  const describe = (hit: Hit): HoverInfo => {
    const waitText = (kind: WaitKind, what: string): string => `${t(waitKey(kind))}: ${what}`;
    switch (hit.type) {
      case 'span': {
        const s = hit.span;
        const state = t(`timeline.state.${s.state}` as TimelineKey);
        const on = s.state === 'waiting' && s.on ? ` — ${waitText(s.on.kind, s.on.what)}` : '';
        const when = s.start === s.end ? formatMs(s.start) : `${formatMs(s.start)} → ${formatMs(s.end)}`;
        return { type: 'span', seq: s.seqStart, t: s.start, task: hit.lane.id, text: `${hit.lane.name}: ${state}${on}\n${when} · ${t('timeline.step', { n: s.seqStart })}–${s.seqEnd}` };
      }
      case 'mark': {
        const m = hit.mark;
        const line = m.kind === 'log' && model ? lineOfSeq(model, m.seqStart) : -1;
        return {
          type: 'mark', seq: m.seqStart, t: m.t, task: hit.lane?.id ?? 0,
          ...(line >= 0 ? { line } : {}),
          text: `${hit.lane?.name ?? t('timeline.lane.loop')} · ${t(`timeline.mark.${m.kind}` as TimelineKey)} · ${formatMs(m.t)}\n${m.text}`,
        };
      }
      case 'thread': {
        const s = hit.span;
        return { type: 'span', seq: s.seqStart, t: s.start, task: s.task, text: `${t('timeline.lane.thread', { n: hit.lane.thread })}: ${s.label}\n${formatMs(s.start)} → ${formatMs(s.end)}` };
      }
      case 'loop': {
        const s = hit.span;
        const text = hit.part === 'checkpoint' ? t('timeline.microtasks', { jobs: s.jobs }) : t('timeline.macrotask', { source: s.source });
        return { type: 'span', seq: hit.part === 'checkpoint' ? s.checkpointSeq : s.seqStart, t: s.start, task: s.task, text: `${text}\n${formatMs(s.start)} · ${t('timeline.step', { n: s.seqStart })}` };
      }
      case 'stall':
        return { type: 'stall', seq: hit.stall.seqStart, t: hit.stall.start, task: hit.stall.task, text: `${t('timeline.blockedFor', { ms: hit.stall.end - hit.stall.start })}\n${formatMs(hit.stall.start)} → ${formatMs(hit.stall.end)}` };
    }
  };
  const sameHit = (a: Hit | null, b: Hit | null): boolean => {
    if (!a || !b) return a === b;
    if (a.type !== b.type) return false;
    if (a.type === 'mark' && b.type === 'mark') return a.mark === b.mark;
    if (a.type === 'stall' && b.type === 'stall') return a.stall === b.stall;
    return 'span' in a && 'span' in b && a.span === b.span && ('part' in a ? a.part === (b as typeof a).part : true);
  };
  const setHover = (hit: Hit | null, x = 0, y = 0): void => {
    const changed = !sameHit(hit, hover);
    hover = hit;
    if (!hit) {
      tooltip.hidden = true;
      if (changed) {
        options.onHover?.(null);
        schedule();
      }
      return;
    }
    const info = describe(hit);
    tooltip.textContent = info.text;
    tooltip.hidden = false;
    tooltip.dataset.kind = hit.type;
    const tw = tooltip.offsetWidth;
    const left = Math.min(Math.max(0, x + 12), Math.max(0, cssWidth - tw - 4));
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${y + 16}px`;
    if (changed) {
      options.onHover?.(info);
      schedule();
    }
  };

  // ---- Pointer: hover, drag to pan, pinch to zoom, drag on the axis to scrub.
  const pointers = new Map<number, { x: number; y: number }>();
  let drag: { kind: 'pan' | 'scrub' | 'pinch'; x: number; y: number; range: Range; scrollY: number; dist: number } | null = null;
  const local = (event: PointerEvent | WheelEvent | MouseEvent): { x: number; y: number } => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const scrubAtX = (x: number): void => {
    if (!model) return;
    const g = geometry();
    const v = valueAt(g, Math.min(Math.max(x, g.labelWidth), g.width));
    const pos = axisOf(mode) === 'time' ? { t: v, seq: seqAtTime(model, v) } : { seq: Math.round(v), t: timeAtSeq(model, Math.round(v)) };
    setPlayhead(pos);
  };
  const setPlayhead = (pos: ScrubPosition | null): void => {
    playhead = pos;
    if (pos) {
      container.dataset.playheadSeq = String(pos.seq);
      container.dataset.playheadT = String(pos.t);
      // Say what happened last before the playhead, so scrubbing by keyboard tells the story too.
      const lastMark = model ? lastMarkBefore(model, pos.seq) : null;
      const story = lastMark ? ` — ${lastMark.lane} · ${t(`timeline.mark.${lastMark.mark.kind}` as TimelineKey)}: ${lastMark.mark.text}` : '';
      say(t('timeline.playhead', { at: `${formatMs(pos.t)} (${t('timeline.step', { n: pos.seq })})` }) + story);
    } else {
      delete container.dataset.playheadSeq;
      delete container.dataset.playheadT;
    }
    options.onScrub?.(pos);
    schedule();
  };
  canvas.addEventListener('pointerdown', (event) => {
    if (!model) return;
    const p = local(event);
    pointers.set(event.pointerId, p);
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic or already-released pointers cannot be captured; dragging still works inside the canvas.
    }
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      drag = { kind: 'pinch', x: (a.x + b.x) / 2, y: 0, range, scrollY, dist: Math.abs(a.x - b.x) || 1 };
      return;
    }
    const onAxis = p.y < HEADER_H;
    drag = { kind: onAxis ? 'scrub' : 'pan', x: p.x, y: p.y, range, scrollY, dist: 0 };
    if (onAxis) scrubAtX(p.x);
  });
  canvas.addEventListener('pointermove', (event) => {
    const p = local(event);
    if (pointers.has(event.pointerId)) pointers.set(event.pointerId, p);
    if (drag && model) {
      const g = geometry();
      if (drag.kind === 'scrub') scrubAtX(p.x);
      else if (drag.kind === 'pan') {
        const dv = ((p.x - drag.x) / plotWidth(g)) * (drag.range.to - drag.range.from);
        range = panRange(drag.range, -dv, extent());
        scrollY = Math.min(Math.max(0, drag.scrollY - (p.y - drag.y)), maxScroll(g, rowsFor(model, mode).length));
        announceRange();
        schedule();
      } else if (drag.kind === 'pinch' && pointers.size === 2) {
        const [a, b] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
        const dist = Math.abs(a.x - b.x) || 1;
        const anchor = valueAt({ ...g, range: drag.range }, drag.x);
        range = zoomRange(drag.range, dist / drag.dist, anchor, extent());
        announceRange();
        schedule();
      }
      if (drag.kind !== 'scrub' && (Math.abs(p.x - drag.x) > 3 || Math.abs(p.y - drag.y) > 3)) setHover(null);
      return;
    }
    if (!model) return;
    setHover(hitTest(scene(), geometry(), p.x, p.y), p.x, p.y);
  });
  const endPointer = (event: PointerEvent): void => {
    pointers.delete(event.pointerId);
    if (pointers.size === 0) drag = null;
  };
  canvas.addEventListener('pointerup', endPointer);
  canvas.addEventListener('pointercancel', endPointer);
  canvas.addEventListener('pointerleave', () => {
    if (!drag) setHover(null);
  });
  // Ctrl/Cmd + wheel (and trackpad pinch, which arrives as ctrl + wheel) zooms at the pointer;
  // horizontal or Shift + wheel pans; a plain vertical wheel scrolls the lanes, then the page.
  canvas.addEventListener('wheel', (event) => {
    if (!model) return;
    const g = geometry();
    const p = local(event);
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002));
      zoomBy(factor, valueAt(g, Math.max(p.x, g.labelWidth)));
      return;
    }
    const dx = event.shiftKey ? event.deltaY : event.deltaX;
    if (Math.abs(dx) > 0 && Math.abs(dx) >= Math.abs(event.shiftKey ? 0 : event.deltaY)) {
      event.preventDefault();
      panBy(dx / plotWidth(g));
      return;
    }
    const max = maxScroll(g, rowsFor(model, mode).length);
    const next = Math.min(Math.max(0, scrollY + event.deltaY), max);
    if (next !== scrollY) {
      event.preventDefault();
      scrollY = next;
      schedule();
    }
  }, { passive: false });

  // ---- Keyboard.
  plot.addEventListener('keydown', (event) => {
    if (!model || event.altKey || event.ctrlKey || event.metaKey) return;
    const e = extent();
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const dir = event.key === 'ArrowLeft' ? -1 : 1;
        if (event.shiftKey) {
          // Move the playhead by a tenth of the visible range.
          const axis = axisOf(mode);
          const cur = playhead ? (axis === 'time' ? playhead.t : playhead.seq) : range.from;
          const v = Math.min(Math.max(cur + dir * Math.max((range.to - range.from) / 10, axis === 'steps' ? 1 : 0), e.min), e.max);
          if (v < range.from || v > range.to) {
            // Follow the playhead; the playhead's own announcement below says where it is.
            range = centreOn(range, v, e);
            noteRange();
          }
          setPlayhead(axis === 'time' ? { t: v, seq: seqAtTime(model, v) } : { seq: Math.round(v), t: timeAtSeq(model, Math.round(v)) });
        } else panBy(dir * 0.1);
        break;
      }
      case '+':
      case '=':
        zoomBy(1.6);
        break;
      case '-':
      case '_':
        zoomBy(1 / 1.6);
        break;
      case '0':
        fit();
        break;
      case 'Home':
        range = clampRange({ from: e.min, to: e.min + (range.to - range.from) }, e);
        announceRange();
        break;
      case 'End':
        range = clampRange({ from: e.max - (range.to - range.from), to: e.max }, e);
        announceRange();
        break;
      case 'ArrowUp':
      case 'ArrowDown': {
        const max = maxScroll(geometry(), rowsFor(model, mode).length);
        scrollY = Math.min(Math.max(0, scrollY + (event.key === 'ArrowUp' ? -ROW_H : ROW_H)), max);
        if (max === 0) handled = false;
        break;
      }
      case 'Escape':
        if (playhead) setPlayhead(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      schedule();
    }
  });

  // ---- Legend (small canvases painted with the lanes' own tiles) and table.
  function swatch(paint: (c: CanvasRenderingContext2D, w: number, h: number) => void): HTMLCanvasElement {
    const c = el('canvas', 'tl-swatch');
    const r = Math.max(1, win.devicePixelRatio || 1);
    c.width = Math.round(28 * r);
    c.height = Math.round(14 * r);
    c.setAttribute('aria-hidden', 'true');
    const cc = c.getContext('2d');
    if (cc) {
      cc.scale(r, r);
      cc.fillStyle = palette.bg;
      cc.fillRect(0, 0, 28, 14);
      paint(cc, 28, 14);
    }
    return c;
  }
  function tileFill(c: CanvasRenderingContext2D, pattern: Parameters<typeof paintTile>[1], color: string, x: number, y: number, w: number, h: number): void {
    const tile = doc.createElement('canvas');
    tile.width = TILE;
    tile.height = TILE;
    const tc = tile.getContext('2d');
    if (!tc) return;
    paintTile(tc, pattern, color, 1);
    const p = c.createPattern(tile, 'repeat');
    if (p) c.fillStyle = p;
    c.fillRect(x, y, w, h);
    if (pattern === 'outline') {
      c.strokeStyle = color;
      c.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }
  }
  function renderLegend(): void {
    const items: Array<[HTMLCanvasElement, string]> = [];
    const state = (s: 'running' | 'ready'): void => {
      const look = spanLook(s);
      items.push([swatch((c, w, h) => tileFill(c, look.pattern, palette[look.color], 0, (h * (1 - look.height)) / 2, w, h * look.height)), t(`timeline.state.${s}`)]);
    };
    state('running');
    state('ready');
    const kinds = new Set<WaitKind>();
    if (model) for (const lane of model.timeline.lanes) for (const s of lane.spans) if (s.on) kinds.add(s.on.kind);
    // The kinds this run uses come first; all kinds are listed so the legend is a key to every picture.
    const ordered = [...WAIT_KINDS.filter((k) => kinds.has(k)), ...WAIT_KINDS.filter((k) => !kinds.has(k))];
    for (const k of ordered) {
      const look = spanLook('waiting', k);
      items.push([swatch((c, w, h) => tileFill(c, look.pattern, palette[look.color], 0, (h * (1 - look.height)) / 2, w, h * look.height)), `${t('timeline.state.waiting')}: ${t(waitKey(k))}`]);
    }
    items.push([swatch((c, w, h) => tileFill(c, 'cross', palette.blocked, 0, 0, w, h)), t('timeline.blocked')]);
    for (const kind of ['log', 'spawn', 'cancel', 'error', 'deadlock', 'done'] as const) {
      items.push([swatch((c, w, h) => drawMark(c, kind, w / 2, h / 2 + (kind === 'log' ? 3 : 0), palette)), t(`timeline.mark.${kind}`)]);
    }
    const list = el('ul', 'tl-legend-list');
    for (const [sw, label] of items) {
      const li = el('li');
      li.append(sw, el('span', undefined, label));
      list.append(li);
    }
    legendBody.replaceChildren(list);
  }
  function renderTable(): void {
    tableStale = false;
    if (!model) {
      tableHolder.replaceChildren();
      return;
    }
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
    tableHolder.replaceChildren(...parts);
  }

  const syncViewButtons = (): void => {
    for (const [m, b] of viewButtons) b.setAttribute('aria-pressed', String(m === mode));
    const microtasks = viewButtons.get('microtasks');
    if (microtasks) microtasks.hidden = !(model?.hasLoop ?? false) && mode !== 'microtasks';
    axisNote.textContent = t(`timeline.legend.${mode}`) + (mode === 'microtasks' && model && !model.hasLoop ? ` ${t('timeline.noLoop')}` : '');
    container.dataset.view = mode;
  };

  const summary = (): string => {
    if (!model) return t('timeline.empty');
    const stop = model.timeline.stop ? ` ${t('timeline.stopped', { reason: model.timeline.stop.reason })}` : '';
    return t('timeline.summary', { tasks: model.taskCount, spans: model.spanCount, from: formatMs(0), to: formatMs(model.timeline.endTime) }) + stop;
  };

  const handle: TimelineHandle = {
    update(next) {
      input = next;
      model = next ? buildModel(next) : null;
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = null;
      download.href = '#';
      download.setAttribute('aria-disabled', String(!next));
      hover = null;
      highlightAt = null;
      playhead = null;
      scrollY = 0;
      tooltip.hidden = true;
      empty.hidden = !!model;
      container.dataset.lanes = String(model?.taskCount ?? 0);
      container.dataset.rows = String(model?.rows.length ?? 0);
      container.dataset.spans = String(model?.spanCount ?? 0);
      container.dataset.marks = String(model?.markCount ?? 0);
      container.dataset.threads = String(model?.timeline.threads.length ?? 0);
      container.dataset.stalls = String(model?.timeline.stalls.length ?? 0);
      plot.setAttribute('aria-label', `${t('timeline.label')}: ${summary()}`);
      tableStale = true;
      if (tableBox.open) renderTable();
      if (autoView && model) mode = model.timeline.endTime === 0 ? 'steps' : 'time';
      renderLegend();
      syncViewButtons();
      resize();
      fit();
    },
    highlight(at) {
      if (at === null || !model) {
        highlightAt = null;
        delete container.dataset.highlightSeq;
        schedule();
        return;
      }
      const m = model;
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
      const time = 't' in moment ? moment.t : timeAtSeq(m, seq);
      highlightAt = { seq, t: time, markSeq };
      container.dataset.highlightSeq = String(seq);
      const v = axisOf(mode) === 'time' ? time : seq + 0.5;
      if (v < range.from || v > range.to) {
        range = centreOn(range, v, extent());
        announceRange();
      }
      schedule();
    },
    setView(next) {
      autoView = false;
      if (next === mode && model) return;
      // Keep the same stretch of the run in view when switching axes.
      const m = model;
      let keep: { from: number; to: number } | null = null;
      if (m) {
        const wasAxis = axisOf(mode);
        const nowAxis = axisOf(next);
        if (wasAxis !== nowAxis) {
          keep = wasAxis === 'time'
            ? { from: seqAtTime(m, range.from), to: Math.max(seqAtTime(m, range.to), seqAtTime(m, range.from) + 4) }
            : { from: timeAtSeq(m, Math.floor(range.from)), to: timeAtSeq(m, Math.ceil(range.to)) };
        }
      }
      mode = next;
      syncViewButtons();
      resize();
      if (keep) {
        const e = extent();
        range = keep.to - keep.from > 0 ? clampRange(keep, e) : { from: e.min, to: e.max };
        if (keep.to <= keep.from || (keep.from === 0 && keep.to === 0)) range = { from: e.min, to: e.max };
        announceRange();
      }
      schedule();
    },
    setRange(from, to) {
      range = clampRange({ from, to }, extent());
      announceRange();
      schedule();
    },
    getRange: () => ({ ...range }),
    scrubTo(at) {
      if (!at || !model) {
        setPlayhead(null);
        return;
      }
      const seq = 'seq' in at ? at.seq : 'line' in at ? (model.logSeqs[at.line] ?? 0) : seqAtTime(model, at.t);
      setPlayhead({ seq, t: 't' in at ? at.t : timeAtSeq(model, seq) });
    },
    redraw() {
      if (frame) win.cancelAnimationFrame(frame);
      resize();
      return draw();
    },
    stats: () => ({ ...lastStats }),
    destroy() {
      if (frame) win.cancelAnimationFrame(frame);
      win.clearTimeout(announceTimer);
      themeObserver.disconnect();
      resizeObserver?.disconnect();
      media?.removeEventListener('change', onMedia);
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      container.replaceChildren();
      container.classList.remove('tl');
    },
  };

  readPalette();
  handle.update(null);
  return handle;
}

/** The latest mark (on any lane) strictly before step `seq`, with its lane's name. */
function lastMarkBefore(model: TimelineModel, seq: number): { lane: string; mark: Mark } | null {
  let best: { lane: string; mark: Mark } | null = null;
  for (const lane of model.timeline.lanes) {
    const i = firstMarkAtOrAfter(lane.marks, seq, 'steps') - 1;
    const m = lane.marks[i];
    if (m && (!best || m.seqStart > best.mark.seqStart)) best = { lane: lane.name, mark: m };
  }
  return best;
}

/** Index of the console line whose log event has this seq (-1 if none). */
function lineOfSeq(model: TimelineModel, seq: number): number {
  let lo = 0;
  let hi = model.logSeqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (model.logSeqs[mid]! < seq) lo = mid + 1;
    else hi = mid;
  }
  return model.logSeqs[lo] === seq ? lo : -1;
}

