/**
 * The code of one playground as the reader sees it: the build-time highlighted
 * HTML, then Monaco once the reader shows intent (or the light editor of
 * light-editor.ts on touch screens, or when Monaco fails to load). It owns
 * which view is active and the text; it knows nothing about running.
 */
import { createLightEditor, type LightEditor } from './light-editor.ts';
import type { Diagnostic, EditorHandle, Marker } from './monaco.ts';

/** The inline editor's tallest height before it scrolls, in lines. */
const MAX_INLINE_LINES = 36;
const MAX_INLINE_PX = MAX_INLINE_LINES * 19 + 8;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Tab indents in the editor; Escape then Tab (or Shift+Tab) leaves it, to the
 * next (previous) control of the page, as the editor's label says
 * (tests/browser/playground-details.test.ts). Listened to in the capture
 * phase, before the editor handles the Tab.
 */
function leaveWithEscapeTab(container: HTMLElement): void {
  let escaped = false;
  container.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') escaped = true;
      else if (event.key === 'Tab' && escaped) {
        event.preventDefault();
        event.stopPropagation();
        escaped = false;
        const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
          (e) => (e === container || !container.contains(e)) && e.getClientRects().length > 0,
        );
        const after = all.filter((e) => container.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
        const before = all.filter((e) => container.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
        (event.shiftKey ? before.at(-1) : after[0])?.focus();
      } else if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = false;
    },
    { capture: true },
  );
}

const isTouch = () => matchMedia('(pointer: coarse)').matches && !matchMedia('(pointer: fine)').matches;

export interface CodeViewOptions {
  /** The element that holds the code (hook `code`). */
  box: HTMLElement;
  /** The text the build-time highlighted view shows. */
  staticSource: string;
  /** Full page: the editor fills its pane instead of fitting the code. */
  full: boolean;
  /** Accessible name of the editor. */
  label: string;
  /** The reader changed the text. */
  onEdit(code: string): void;
  /** Ctrl/Cmd+Enter in the editor. */
  onRun(): void;
  /** The editor's type check of the current text (after each change, once the checker answered). */
  onDiagnostics(diagnostics: Diagnostic[]): void;
  /** The editor could not load (the light editor stands in; `reason` for the status line). */
  onFallback(reason: string): void;
  /** Text for onFallback. */
  loadFailed: string;
  /** Monaco is up. */
  onEditor(): void;
  /** The editor's note on createTask(promise) (issue 10.5). */
  taskPromiseNote(name: string): string;
}

export class CodeView {
  readonly #o: CodeViewOptions;
  readonly #staticCode: Element | null;
  #code: string;
  #editor: EditorHandle | undefined;
  #light: LightEditor | undefined;
  #loading: Promise<void> | undefined;
  #markers: Marker[] = [];

  constructor(options: CodeViewOptions) {
    this.#o = options;
    this.#staticCode = options.box.firstElementChild;
    this.#code = options.staticSource;
  }

  /** The text the reader sees. */
  get code(): string {
    return this.#code;
  }

  /** Which view is active. */
  get kind(): 'static' | 'monaco' | 'light' {
    return this.#editor ? 'monaco' : this.#light ? 'light' : 'static';
  }

  /** Shows `value` in whatever view is active (not an edit of the reader's: nothing is saved). */
  set(value: string): void {
    this.#code = value;
    if (this.#editor) this.#editor.setValue(value);
    else if (this.#light) this.#light.setValue(value);
    else if (value === this.#o.staticSource && this.#staticCode) this.#o.box.replaceChildren(this.#staticCode);
    else {
      const pre = document.createElement('pre');
      pre.className = 'pg-plain';
      pre.tabIndex = 0;
      pre.textContent = value;
      this.#o.box.replaceChildren(pre);
    }
  }

  /** Compile-error markers (1-based lines); kept until the editor exists. */
  mark(markers: Marker[]): void {
    this.#markers = markers;
    this.#editor?.setMarkers(markers);
  }

  /** Moves the cursor to `line` in the editor and focuses it. */
  reveal(line: number, column = 1): void {
    if (this.#editor) this.#editor.reveal(line, column);
    else if (this.#light) {
      const textarea = this.#light.textarea;
      const lines = textarea.value.split('\n');
      const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
    }
  }

  focus(): void {
    (this.#editor ?? this.#light?.textarea)?.focus();
  }

  /** Loads the editor (once); `focus` puts the cursor in it when it is ready. */
  load(focus: boolean): Promise<void> {
    if (isTouch()) {
      this.#useLight();
      if (focus) this.#light?.textarea.focus();
      return Promise.resolve();
    }
    this.#loading ??= (async () => {
      const [{ createEditor }] = await Promise.all([import('./monaco.ts'), loadMonacoCss()]);
      if (this.#editor || this.#light) return;
      const host = document.createElement('div');
      host.className = 'pg-editor';
      if (!this.#o.full) host.style.height = `${Math.min(36, Math.max(8, this.#code.split('\n').length + 2)) * 19 + 8}px`;
      leaveWithEscapeTab(host);
      this.#o.box.replaceChildren(host);
      this.#editor = createEditor(host, this.#code, {
        onChange: (value) => this.#edited(value),
        onRun: this.#o.onRun,
        onDiagnostics: this.#o.onDiagnostics,
        // The inline editor grows with its code (up to MAX_INLINE_PX, then it scrolls); the full page's fills its pane.
        onHeight: this.#o.full ? undefined : (px) => (host.style.height = `${Math.min(MAX_INLINE_PX, px + 8)}px`),
        taskPromiseNote: this.#o.taskPromiseNote,
        ariaLabel: this.#o.label,
      });
      if (this.#markers.length) this.#editor.setMarkers(this.#markers);
      this.#o.onEditor();
    })().catch((error: unknown) => {
      console.error(error);
      this.#useLight();
      this.#o.onFallback(this.#o.loadFailed);
    });
    return this.#loading.then(() => {
      if (focus) this.focus();
    });
  }

  #edited(value: string): void {
    this.#code = value;
    this.#o.onEdit(value);
  }

  #useLight(): void {
    if (this.#light || this.#editor) return;
    this.#light = createLightEditor(this.#code, {
      label: this.#o.label,
      maxLines: this.#o.full ? 0 : MAX_INLINE_LINES,
      onChange: (value) => this.#edited(value),
      onRun: this.#o.onRun,
    });
    leaveWithEscapeTab(this.#light.element);
    this.#o.box.replaceChildren(this.#light.element);
  }
}

/** Monaco's stylesheet and icon font, added when the editor loads (not in the page head: that would block the rendering of every page). */
let cssLoaded: Promise<void> | undefined;
function loadMonacoCss(): Promise<void> {
  cssLoaded ??= import('virtual:monaco-css').then(({ default: css, font: fontUrl }) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const font = new FontFace('codicon', `url(${fontUrl})`);
    document.fonts.add(font);
    void font.load().catch(() => {});
  });
  return cssLoaded;
}
