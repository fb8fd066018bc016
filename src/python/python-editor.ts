/**
 * The Python twin's editor: a real <textarea> (so every screen reader,
 * phone keyboard and browser feature works on it) over a highlighted copy of
 * its text (highlight.ts), which is only decoration (aria-hidden). Tab indents
 * four spaces; Escape then Tab leaves the editor, as the TypeScript editor does
 * (its label says so). tests/browser/python.test.ts types in it.
 */
import { highlightInto } from './highlight.ts';

export interface PythonEditor {
  readonly element: HTMLElement;
  readonly textarea: HTMLTextAreaElement;
  get value(): string;
  set value(text: string);
}

/** Make an editor holding `source`, labelled `label`. */
export function createPythonEditor(source: string, label: string): PythonEditor {
  const wrap = document.createElement('div');
  wrap.className = 'py-editor';
  const pre = document.createElement('pre');
  pre.className = 'py-editor-hl';
  pre.setAttribute('aria-hidden', 'true');
  const textarea = document.createElement('textarea');
  textarea.className = 'py-editor-input';
  textarea.spellcheck = false;
  textarea.autocapitalize = 'off';
  textarea.setAttribute('autocorrect', 'off');
  textarea.setAttribute('aria-label', label);
  textarea.wrap = 'off';
  textarea.value = source;
  const fit = () => {
    textarea.rows = Math.min(36, textarea.value.split('\n').length + 1);
  };
  const paint = () => {
    highlightInto(pre, textarea.value);
    fit();
  };
  textarea.addEventListener('input', paint);
  textarea.addEventListener('scroll', () => {
    pre.scrollTop = textarea.scrollTop;
    pre.scrollLeft = textarea.scrollLeft;
  });
  let escaped = false;
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      escaped = true;
      return;
    }
    if (event.key === 'Tab' && !escaped && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      // execCommand keeps the browser's undo history; setRangeText where it is gone.
      if (!document.execCommand?.('insertText', false, '    ')) {
        textarea.setRangeText('    ', textarea.selectionStart, textarea.selectionEnd, 'end');
        paint();
      }
    }
    if (!['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) escaped = false;
  });
  wrap.append(pre, textarea);
  paint();
  return {
    element: wrap,
    textarea,
    get value() {
      return textarea.value;
    },
    set value(text: string) {
      textarea.value = text;
      paint();
    },
  };
}
