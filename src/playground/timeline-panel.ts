/**
 * The timeline under a playground, wired to its console (src/timeline/README.md):
 * the panel appears after the first run; hovering a console line highlights its
 * moment on the timeline and hovering a mark highlights its console line; the
 * playhead hides the lines printed after it. The trace comes from the sandbox,
 * so it is checked (validTraceInput) before it is drawn. Under the timeline,
 * the inspector (src/inspector, issue 14) shows the loop at the playhead and
 * steps it; its steps move the timeline's playhead, which calls it back.
 */
import type { InspectorHandle } from '../inspector/index.ts';
import type { TimelineHandle } from '../timeline/index.ts';
import { SCRUB_REQUEST_EVENT, type ScrubRequest } from '../exercises/run-event.ts';
import '../timeline/timeline.css';
import '../inspector/inspector.css';

/** The timeline's code, imported after the first run's output is on screen (the first Run does not wait for it). */
let timelineModule: Promise<typeof import('../timeline/index.ts')> | undefined;
const loadTimeline = () => (timelineModule ??= import('../timeline/index.ts'));
let inspectorModule: Promise<typeof import('../inspector/index.ts')> | undefined;
const loadInspector = () => (inspectorModule ??= import('../inspector/index.ts'));

/** The last run block's console lines, in order. */
type LinesOf = () => HTMLElement[];

export class TimelinePanel {
  readonly #panel: HTMLElement;
  readonly #lines: LinesOf;
  #timeline: TimelineHandle | null = null;
  #inspector: InspectorHandle | null = null;
  #inspectorRoot: HTMLElement | null = null;
  /** seq of each console line's log event, for the playhead. */
  #lineSeqs: number[] = [];

  constructor(panel: HTMLElement, consoleRoot: HTMLElement, lines: LinesOf) {
    this.#panel = panel;
    this.#lines = lines;
    // Console → timeline: hovering a line highlights its moment.
    consoleRoot.addEventListener('pointerover', (event) => {
      const line = (event.target as HTMLElement).closest?.('.pg-line') as HTMLElement | null;
      if (!line || !this.#timeline) return;
      const index = this.#lines().indexOf(line);
      this.#timeline.highlight(index >= 0 ? { line: index } : null);
    });
    consoleRoot.addEventListener('pointerleave', () => this.#timeline?.highlight(null));
    // An exercise's verdict points at a moment (src/exercises/run-event.ts).
    panel.addEventListener(SCRUB_REQUEST_EVENT, (event) => {
      const t = (event as CustomEvent<ScrubRequest>).detail?.t;
      if (typeof t === 'number' && Number.isFinite(t)) this.#timeline?.scrubTo({ t });
    });
  }

  /** Marks the timeline shown as the previous run's (the code it drew no longer compiles; issue 10.8). */
  markStale(text: string): void {
    if (this.#panel.hidden) return;
    this.#panel.dataset.stale = '';
    let note = this.#panel.querySelector<HTMLElement>('.pg-timeline-stale');
    if (!note) {
      note = document.createElement('p');
      note.className = 'pg-timeline-stale';
      note.setAttribute('role', 'note');
      this.#panel.prepend(note);
    }
    note.textContent = text;
  }

  /** Show the trace of a finished run (or hide the panel when there is none); resolves when it is drawn. */
  async show(input: unknown): Promise<void> {
    delete this.#panel.dataset.stale;
    this.#panel.querySelector('.pg-timeline-stale')?.remove();
    const [{ formatter, logEventSeqs, mountTimeline, validTraceInput }, { mountInspector }] = await Promise.all([loadTimeline(), loadInspector()]);
    const trace = validTraceInput(input);
    if (!trace) {
      this.#panel.hidden = true;
      if (this.#inspectorRoot) this.#inspectorRoot.hidden = true;
      return;
    }
    this.#panel.hidden = false;
    const strings = JSON.parse(this.#panel.dataset.strings ?? '{}');
    this.#timeline ??= mountTimeline(this.#panel, {
      strings,
      // Timeline → console: mark the line under the pointer.
      onHover: (info) => this.#markLine(info?.line ?? null),
      // Playhead → console: dim what was printed after it; → inspector: show that moment.
      onScrub: (position) => {
        this.#scrub(position ? position.seq : null);
        this.#inspector?.show(position ? position.seq : null);
      },
    });
    // The inspector sits after the timeline (the timeline replaces its container's content when mounted).
    if (!this.#inspectorRoot || !this.#inspectorRoot.isConnected) {
      this.#inspectorRoot = document.createElement('div');
      this.#inspectorRoot.dataset.inspector = '';
      this.#panel.after(this.#inspectorRoot);
      this.#inspector = mountInspector(this.#inspectorRoot, formatter(strings), { seek: (seq) => this.#timeline?.scrubTo({ seq }) });
    }
    this.#inspectorRoot.hidden = false;
    this.#lineSeqs = logEventSeqs(trace.trace);
    this.#timeline.update(trace);
    const names = new Map<number, string>();
    for (const e of trace.trace) if (e.kind === 'spawn') names.set(e.task, e.detail.name);
    this.#inspector!.setRun(trace.trace, names);
  }

  #markLine(index: number | null): void {
    this.#lines().forEach((line, i) => line.classList.toggle('pg-line-hl', i === index));
  }

  #scrub(seq: number | null): void {
    this.#lines().forEach((line, i) => {
      // The playhead's own event has happened (the inspector shows the state after it): a line printed there stays lit.
      const after = seq !== null && (this.#lineSeqs[i] ?? Infinity) > seq;
      line.classList.toggle('pg-line-later', after);
    });
  }

  /** Remove the view (the playground went away). */
  destroy(): void {
    this.#timeline?.destroy();
    this.#timeline = null;
    this.#inspector?.destroy();
    this.#inspectorRoot?.remove();
    this.#inspector = null;
    this.#inspectorRoot = null;
  }
}
