/**
 * The phone editor (issue 10.10): a <textarea> laid over a highlighted <pre>,
 * with a line-number gutter. Monaco is too heavy for phones and fights their
 * touch keyboards; a textarea is what a touch keyboard, selection handles,
 * autocorrect-off and screen readers already know. The textarea stays the one
 * accessible control (labelled; the gutter and the colours are aria-hidden);
 * its text is transparent so the highlighted copy shows through, its caret
 * and selection stay visible. Lines never wrap, so "line 12" is the gutter's
 * 12. Also the stand-in when Monaco fails to load.
 * Tests: tests/browser/phone-editor.test.ts, tests/playground/ts-tokens.test.ts.
 */
import { highlightHtml } from './ts-tokens.ts';

export interface LightEditorOptions {
  /** Accessible name of the textarea. */
  label: string;
  /** The inline editor grows with its code up to `maxLines`, then scrolls; 0: fill the parent (full page). */
  maxLines: number;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter. */
  onRun(): void;
}

export interface LightEditor {
  /** The outer element, to put in the page. */
  readonly element: HTMLElement;
  /** The accessible control. */
  readonly textarea: HTMLTextAreaElement;
  /** Replace the text (not an edit of the reader's: onChange is not called). */
  setValue(value: string): void;
}

/** Builds the editor around `value`. */
export function createLightEditor(value: string, o: LightEditorOptions): LightEditor {
  const element = document.createElement('div');
  element.className = 'pg-light';
  const gutter = document.createElement('pre');
  gutter.className = 'pg-light-gutter';
  gutter.setAttribute('aria-hidden', 'true');
  const code = document.createElement('div');
  code.className = 'pg-light-code';
  const colours = document.createElement('pre');
  colours.className = 'pg-light-hl';
  colours.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.className = 'pg-light-input';
  textarea.wrap = 'off';
  textarea.spellcheck = false;
  textarea.autocapitalize = 'off';
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('autocorrect', 'off');
  textarea.setAttribute('aria-label', o.label);
  textarea.value = value;
  code.append(colours, textarea);
  element.append(gutter, code);
  if (o.maxLines === 0) element.classList.add('pg-light-fill');

  let lineCount = -1;
  const render = (): void => {
    const text = textarea.value;
    // A trailing newline needs a line of its own in the copy, as in the textarea.
    colours.innerHTML = highlightHtml(text) + (text.endsWith('\n') ? ' ' : '');
    const lines = text.split('\n').length;
    if (lines !== lineCount) {
      lineCount = lines;
      gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n');
      if (o.maxLines > 0) textarea.style.height = `calc(${Math.min(o.maxLines, Math.max(4, lines))} * 1.55em + 1.8rem + 12px)`;
    }
    sync();
  };
  const sync = (): void => {
    colours.scrollTop = textarea.scrollTop;
    colours.scrollLeft = textarea.scrollLeft;
    gutter.scrollTop = textarea.scrollTop;
  };

  textarea.addEventListener('input', () => {
    render();
    o.onChange(textarea.value);
  });
  textarea.addEventListener('scroll', sync);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      o.onRun();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.defaultPrevented) {
      // Tab indents, as in Monaco; Escape then Tab leaves (code-view.ts, in the capture phase, comes first).
      event.preventDefault();
      insert('  ');
    } else if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      // A new line keeps the indentation of the line it splits.
      const start = textarea.selectionStart;
      const lineStart = textarea.value.lastIndexOf('\n', start - 1) + 1;
      const indent = /^[ \t]*/.exec(textarea.value.slice(lineStart, start))![0];
      event.preventDefault();
      insert('\n' + indent);
    }
  });

  /** Types `text` at the cursor the way the reader would (undo works, `input` fires). */
  function insert(text: string): void {
    if (!document.execCommand('insertText', false, text)) {
      textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input'));
    }
  }

  render();
  return {
    element,
    textarea,
    setValue(next: string): void {
      textarea.value = next;
      render();
    },
  };
}
