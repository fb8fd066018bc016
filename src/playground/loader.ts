/**
 * The only playground script a page loads before any interaction (kept tiny:
 * it counts toward the 60 KB page budget, `npm run size`). It reveals each
 * playground's toolbar, waits for intent - focus or a click in the code, a
 * hover, focus or click on Run, Ctrl/Cmd+Enter - and then imports the
 * controller, which loads the editor and the compiler. A playground with a
 * saved edit, and the full-page playground, are mounted at once (no editor yet)
 * so the reader sees their code.
 */
import { hook, hookSelector, HOOK } from './hooks.ts';
import { restore } from './storage.ts';

type Intent = 'show' | 'edit' | 'run' | 'warm' | 'reset' | 'share';
const mounted = new WeakMap<HTMLElement, Promise<{ intent(kind: Intent): void }>>();
/** Playgrounds whose controller has attached its own listeners (the loader's then stand aside). */
const live = new WeakSet<HTMLElement>();

function mount(root: HTMLElement, kind: Intent): void {
  let controller = mounted.get(root);
  if (!controller) {
    controller = import('./controller.ts').then((m) => {
      const c = m.mountPlayground(root);
      live.add(root);
      return c;
    });
    mounted.set(root, controller);
  }
  void controller.then((c) => c.intent(kind));
}

function source(root: HTMLElement): string {
  return JSON.parse(hook(root, 'source')?.textContent ?? '""') as string;
}

function hasSavedEdit(root: HTMLElement): boolean {
  try {
    return restore(localStorage, root.dataset.page ?? '', root.dataset.example ?? '', source(root)).kind !== 'original';
  } catch {
    return false;
  }
}

for (const root of document.querySelectorAll<HTMLElement>(hookSelector('root'))) {
  hook(root, 'toolbar')?.removeAttribute('hidden');
  const run = hook<HTMLButtonElement>(root, 'run');
  const code = hook(root, 'code');
  // Until the controller is live, every intent is forwarded (a click on Run
  // while the controller loads still runs); afterwards its own listeners act.
  const first = (kind: Intent) => () => {
    if (!live.has(root)) mount(root, kind);
  };
  run?.addEventListener('pointerenter', first('warm'));
  run?.addEventListener('focus', first('warm'));
  run?.addEventListener('click', first('run'));
  code?.addEventListener('focusin', first('edit'));
  code?.addEventListener('pointerdown', first('edit'));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !live.has(root)) {
      event.preventDefault();
      mount(root, 'run');
    }
  });
  for (const name of ['reset', 'share'] as const) hook(root, name)?.addEventListener('click', first(name));
  if (root.hasAttribute(`data-${HOOK.full}`) || hasSavedEdit(root)) mount(root, 'show');
}
