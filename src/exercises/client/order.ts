/**
 * A list the reader puts in order, by drag and drop or with the keyboard: each
 * line is focusable; Alt+ArrowUp / Alt+ArrowDown moves the focused line (focus
 * stays on it), and its own "move up/down" buttons do the same for pointer
 * and switch users. Every move is announced in a live region.
 * Browser test: tests/browser/exercises.test.ts.
 */
import type { Translate } from './strings.ts';

/** Makes `list`'s <li data-line> items reorderable; `announce` speaks a move. */
export function makeOrderable(list: HTMLOListElement, t: Translate, announce: (text: string) => void, onChange: () => void): () => string[] {
  const items = () => [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-line]')];
  const text = (li: HTMLLIElement) => li.dataset.line ?? '';

  const move = (li: HTMLLIElement, by: -1 | 1, focus: HTMLElement = li) => {
    const all = items();
    const i = all.indexOf(li);
    const j = i + by;
    if (j < 0 || j >= all.length) return;
    if (by < 0) list.insertBefore(li, all[j]!);
    else list.insertBefore(li, all[j]!.nextSibling);
    focus.focus();
    announce(t('exercises.moved', { line: text(li), position: j + 1, total: all.length }));
    onChange();
  };

  for (const li of items()) {
    li.tabIndex = 0;
    li.draggable = true;
    li.setAttribute('aria-roledescription', 'sortable');
    const controls = document.createElement('span');
    controls.className = 'ex-move';
    for (const [by, key] of [[-1, 'exercises.moveUp'], [1, 'exercises.moveDown']] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = by < 0 ? '↑' : '↓';
      button.setAttribute('aria-label', t(key, { line: text(li) }));
      button.title = t(key, { line: text(li) });
      button.dataset.move = by < 0 ? 'up' : 'down';
      button.addEventListener('click', () => move(li, by, button));
      controls.append(button);
    }
    li.append(controls);
    li.addEventListener('keydown', (event) => {
      if (event.target !== li || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      move(li, event.key === 'ArrowUp' ? -1 : 1);
    });
    li.addEventListener('dragstart', (event) => {
      li.classList.add('ex-dragging');
      event.dataTransfer?.setData('text/plain', text(li));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    });
    li.addEventListener('dragend', () => li.classList.remove('ex-dragging'));
  }

  list.addEventListener('dragover', (event) => {
    const dragged = list.querySelector<HTMLLIElement>('li.ex-dragging');
    if (!dragged) return;
    event.preventDefault();
    const over = (event.target as Element).closest?.('li[data-line]') as HTMLLIElement | null;
    if (!over || over === dragged) return;
    const rect = over.getBoundingClientRect();
    const after = event.clientY > rect.top + rect.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener('drop', (event) => {
    const dragged = list.querySelector<HTMLLIElement>('li.ex-dragging');
    if (!dragged) return;
    event.preventDefault();
    const all = items();
    announce(t('exercises.moved', { line: text(dragged), position: all.indexOf(dragged) + 1, total: all.length }));
    onChange();
  });

  return () => items().map(text);
}
