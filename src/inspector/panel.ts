/**
 * The inspector under the timeline (issue 14): at the playhead of a finished
 * run, the ready queue, the timers due next, the microtask queue (JavaScript
 * pages), every task's state and what it awaits, the await graph (SVG plus the
 * same edges as text) with a deadlock cycle highlighted, and "why now?" for
 * each running task with a button that moves the playhead to the cause. Step
 * buttons and keys (arrows: event, Shift+arrows: console line, T / Shift+T:
 * next / previous loop turn, W: the cause) and Play at 1, 5 or 20 events a
 * step (Escape or the button pauses; it stops itself at the end)
 * move the playhead through the timeline, which calls `show` back. All HTML,
 * so a screen reader reads it; a live region says where each step landed.
 * Tests: tests/browser/inspector.test.ts.
 */
import { Checkpoints } from '../inspect/checkpoints.ts';
import type { TraceEvent } from '../runtime/trace.ts';
import { formatMs } from '../trace/format-ms.ts';
import type { Cause } from '../inspect/why.ts';
import type { TimelineKey, Translate } from '../timeline/strings.ts';
import { drawGraph } from './graph-view.ts';
import { causeSeq, lineStep, snapshotAt, turnStep, type Snapshot } from './snapshot.ts';

/** Events per step of Play (the speed select). */
export const PLAY_SPEEDS = [1, 5, 20] as const;
/** Time between two steps of Play. */
const PLAY_INTERVAL_MS = 250;

/** What the panel asks of its host: move the playhead to an event. */
export interface InspectorHost {
  seek(seq: number): void;
}

export interface InspectorHandle {
  /** Show a new run (its trace and task names); the inspector opens at its end. */
  setRun(trace: readonly TraceEvent[], names: ReadonlyMap<number, string>): void;
  /** The playhead moved (null: removed, show the end). */
  show(seq: number | null): void;
  destroy(): void;
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** Mount the inspector into `root` (its content is replaced). */
export function mountInspector(root: HTMLElement, t: Translate, host: InspectorHost): InspectorHandle {
  root.replaceChildren();
  root.classList.add('mi-inspector');
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', t('timeline.inspector.title'));
  root.tabIndex = -1;
  const heading = el('h3', 'mi-title', t('timeline.inspector.title'));
  const help = el('p', 'mi-help', t('timeline.inspector.help'));
  help.id = `mi-help-${Math.random().toString(36).slice(2)}`;
  const bar = el('div', 'mi-steps');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('timeline.inspector.title'));
  bar.setAttribute('aria-describedby', help.id);
  const button = (key: TimelineKey, action: string, label: string, shortcut: string) => {
    const b = el('button', 'mi-step', label);
    b.type = 'button';
    b.dataset.step = action;
    b.title = t(key);
    b.setAttribute('aria-label', t(key));
    b.setAttribute('aria-keyshortcuts', shortcut);
    bar.append(b);
    return b;
  };
  button('timeline.inspector.prevTurn', 'prev-turn', '⏮', 'Shift+T');
  button('timeline.inspector.prevLine', 'prev-line', '⇤', 'Shift+ArrowLeft');
  button('timeline.inspector.prevEvent', 'prev', '◀', 'ArrowLeft');
  button('timeline.inspector.nextEvent', 'next', '▶', 'ArrowRight');
  button('timeline.inspector.nextLine', 'next-line', '⇥', 'Shift+ArrowRight');
  button('timeline.inspector.nextTurn', 'next-turn', '⏭', 'T');
  // Play: steps forward by `speed` events every PLAY_INTERVAL_MS until the end, Escape or the button.
  const play = el('button', 'mi-step mi-play', t('timeline.inspector.play'));
  play.type = 'button';
  play.dataset.play = '';
  play.setAttribute('aria-pressed', 'false');
  play.setAttribute('aria-keyshortcuts', 'Escape');
  const speedLabel = el('label', 'mi-speed', t('timeline.inspector.speed'));
  const speed = el('select', 'mi-speed-select');
  for (const n of PLAY_SPEEDS) {
    const option = el('option', undefined, t('timeline.inspector.speedOption', { n }));
    option.value = String(n);
    speed.append(option);
  }
  speedLabel.append(' ', speed);
  bar.append(play, speedLabel);
  const where = el('p', 'mi-where');
  const live = el('p', 'mi-live');
  live.setAttribute('aria-live', 'polite');
  live.className = 'mi-live sr-only';
  const body = el('div', 'mi-body');
  root.append(heading, help, bar, where, live, body);

  let trace: readonly TraceEvent[] = [];
  let checkpoints = new Checkpoints(trace);
  let names: ReadonlyMap<number, string> = new Map();
  let current: Snapshot | null = null;
  let announce = false;
  let playing: ReturnType<typeof setInterval> | null = null;
  /** Where play has moved the playhead to (the host calls `show` back, maybe later). */
  let playAt = 0;
  const name = (id: number) => (id === 0 ? t('timeline.inspector.program') : names.get(id) ?? `#${id}`);

  const go = (seq: number | null) => {
    if (seq === null || trace.length === 0) return;
    announce = true;
    host.seek(Math.max(0, Math.min(trace.length - 1, seq)));
  };
  const stop = () => {
    if (playing === null) return;
    clearInterval(playing);
    playing = null;
    play.textContent = t('timeline.inspector.play');
    play.setAttribute('aria-pressed', 'false');
    delete root.dataset.playing;
    // One announcement where play stopped, not one per step while it ran.
    live.textContent = t('timeline.inspector.paused', { n: playAt });
  };
  const start = () => {
    if (trace.length === 0) return;
    const last = trace.length - 1;
    playAt = current && current.seq < last ? current.seq : 0;
    if (playAt === 0) host.seek(0);
    play.textContent = t('timeline.inspector.pause');
    play.setAttribute('aria-pressed', 'true');
    root.dataset.playing = '';
    // Started only by the reader (never on load); a reader who asked for reduced motion gets slower steps.
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    playing = setInterval(() => {
      if (!root.isConnected) return stop();
      playAt = Math.min(last, playAt + Number(speed.value));
      host.seek(playAt);
      if (playAt >= last) stop();
    }, reduced ? PLAY_INTERVAL_MS * 4 : PLAY_INTERVAL_MS);
  };
  play.addEventListener('click', () => (playing === null ? start() : stop()));
  const step = (action: string) => {
    stop();
    const at = current?.seq ?? trace.length - 1;
    if (action === 'prev') go(at - 1);
    else if (action === 'next') go(at + 1);
    else if (action === 'prev-line') go(lineStep(trace, at, -1));
    else if (action === 'next-line') go(lineStep(trace, at, 1));
    else if (action === 'prev-turn') go(turnStep(trace, at, -1));
    else if (action === 'next-turn') go(turnStep(trace, at, 1));
  };
  bar.addEventListener('click', (event) => {
    const b = (event.target as HTMLElement).closest<HTMLElement>('[data-step]');
    if (b) step(b.dataset.step!);
  });
  body.addEventListener('click', (event) => {
    const b = (event.target as HTMLElement).closest<HTMLElement>('[data-cause-seq]');
    if (b) go(Number(b.dataset.causeSeq));
  });
  root.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    // The speed select keeps its own keys (arrows, type-ahead); only Escape reaches play from there.
    if ((event.target as HTMLElement).tagName === 'SELECT' && key !== 'Escape') return;
    if (key === 'Escape') {
      if (playing === null) return;
      stop();
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      step((key === 'ArrowLeft' ? 'prev' : 'next') + (event.shiftKey ? '-line' : ''));
    } else if (key === 't' || key === 'T') {
      step(event.shiftKey ? 'prev-turn' : 'next-turn');
    } else if (key === 'w' || key === 'W') {
      const cause = current ? [...current.causes.values()][0] : undefined;
      if (!cause) return;
      go(causeSeq(cause));
    } else return;
    event.preventDefault();
  });

  const causeText = (c: Cause): string => {
    const n = causeSeq(c);
    switch (c.kind) {
      case 'woken-by-task': return t('timeline.inspector.wokenByTask', { by: name(c.by), n });
      case 'woken-by-timer': return t(c.network ? 'timeline.inspector.wokenByMessage' : 'timeline.inspector.wokenByTimer', { timer: c.timer, by: name(c.by), n });
      case 'spawned': return t('timeline.inspector.spawned', { by: name(c.by), n });
      default: return t('timeline.inspector.wokenByLoop', { n });
    }
  };

  const section = (key: TimelineKey, hook: string, items: string[] | null): HTMLElement => {
    const s = el('section', 'mi-section');
    s.dataset.section = hook;
    s.append(el('h4', undefined, t(key)));
    if (items === null) s.append(el('p', 'mi-none', t('timeline.inspector.notRecorded')));
    else if (items.length === 0) s.append(el('p', 'mi-none', t('timeline.inspector.empty')));
    else {
      const list = el('ol');
      for (const item of items) list.append(el('li', undefined, item));
      s.append(list);
    }
    return s;
  };

  const render = () => {
    const snap = current;
    if (!snap) return;
    where.textContent = t('timeline.inspector.at', { at: formatMs(snap.t), n: snap.seq, total: trace.length - 1 });
    root.dataset.seq = String(snap.seq);
    root.dataset.cycles = String(snap.cycles.length);
    const parts: HTMLElement[] = [];
    const q = snap.queues;
    parts.push(section('timeline.inspector.ready', 'ready', q.ready.map(name)));
    parts.push(section('timeline.inspector.timers', 'timers', q.recorded ? q.timers.slice(0, 8).map((tm) => t('timeline.inspector.timerAt', { source: tm.source, id: tm.id, due: formatMs(tm.due) })) : null));
    if (q.microtasks.length > 0 || trace.some((e) => e.kind === 'microtask')) {
      parts.push(section('timeline.inspector.microtasks', 'microtasks', q.microtasks.map((task) => t('timeline.inspector.jobFor', { task: name(task) }))));
    }
    // Tasks, with "why now?" on the running one.
    const tasks = el('section', 'mi-section');
    tasks.dataset.section = 'tasks';
    tasks.append(el('h4', undefined, t('timeline.inspector.tasks')));
    const list = el('ul', 'mi-tasks');
    for (const task of snap.tasks) {
      const li = el('li', `mi-task mi-${task.state}`);
      li.dataset.task = task.name;
      li.dataset.state = task.state;
      li.append(el('strong', undefined, task.name), document.createTextNode(` — ${t(`timeline.inspector.state.${task.state}` as TimelineKey)}`));
      if (task.on) li.append(document.createTextNode(`, ${t('timeline.inspector.awaits', { what: task.on.what })}`));
      if (task.error) li.append(document.createTextNode(`: ${task.error}`));
      const cause = snap.causes.get(task.id);
      if (cause) {
        const why = el('span', 'mi-why', ` ${t('timeline.inspector.whyNow')} ${causeText(cause)} `);
        const b = el('button', 'mi-cause', t('timeline.inspector.goToCause', { n: causeSeq(cause) }));
        b.type = 'button';
        b.dataset.causeSeq = String(causeSeq(cause));
        b.setAttribute('aria-keyshortcuts', 'W');
        li.append(why, b);
      }
      list.append(li);
    }
    tasks.append(list);
    parts.push(tasks);
    // The await graph: SVG for the eye, the same edges as a list for everyone.
    const graph = el('section', 'mi-section mi-graph');
    graph.dataset.section = 'graph';
    graph.append(el('h4', undefined, t('timeline.inspector.graph')));
    const inCycle = new Set(snap.cycles.flat());
    const loopWakes = new Set(['sleep', 'timer', 'network', 'thread']);
    const owner = (e: (typeof snap.edges)[number]) =>
      e.owner !== null ? name(e.owner) : loopWakes.has(e.on.kind) ? t('timeline.inspector.theLoop') : t('timeline.inspector.unknownOwner');
    if (snap.edges.length === 0) graph.append(el('p', 'mi-none', t('timeline.inspector.noGraph')));
    else {
      graph.append(drawGraph(snap.edges.map((e) => ({ from: name(e.task), what: e.on.what, to: e.owner !== null ? name(e.owner) : '?', cycle: inCycle.has(e.task) && e.owner !== null && inCycle.has(e.owner) }))));
      const text = el('ul', 'mi-edges');
      for (const e of snap.edges) {
        const li = el('li', inCycle.has(e.task) ? 'mi-edge mi-in-cycle' : 'mi-edge', t('timeline.inspector.edge', { task: name(e.task), what: e.on.what, owner: owner(e) }));
        text.append(li);
      }
      graph.append(text);
    }
    for (const cycle of snap.cycles) {
      const on = (id: number) => snap.edges.find((e) => e.task === id)!.on.what;
      const path = [...cycle.map((id) => `${name(id)} -> ${on(id)}`), name(cycle[0]!)].join(' -> ');
      const p = el('p', 'mi-cycle', t('timeline.inspector.cycle', { path }));
      p.setAttribute('role', 'alert');
      graph.append(p);
    }
    parts.push(graph);
    parts.push(el('p', 'mi-lines', t('timeline.inspector.lines', { n: snap.lines })));
    body.replaceChildren(...parts);
    if (announce) {
      announce = false;
      const running = snap.tasks.filter((task) => task.state === 'running').map((task) => task.name);
      const ev = trace[snap.seq];
      live.textContent = `${where.textContent}. ${ev ? ev.kind : ''}${running.length ? ` · ${running.join(', ')} ${t('timeline.inspector.state.running')}` : ''}`;
    }
  };

  return {
    setRun(next, nextNames) {
      stop();
      trace = next;
      checkpoints = new Checkpoints(trace);
      names = nextNames;
      current = trace.length > 0 ? snapshotAt(trace, trace.length - 1, checkpoints) : null;
      render();
    },
    show(seq) {
      if (trace.length === 0) return;
      current = snapshotAt(trace, seq ?? trace.length - 1, checkpoints);
      render();
    },
    destroy() {
      stop();
      root.replaceChildren();
    },
  };
}
