/**
 * The only script a page with Python twins loads up front (a few hundred
 * bytes): it shows each runnable twin's toolbar (hidden in the HTML, so a
 * reader without JavaScript sees no button that does nothing) and waits for
 * intent. The first click on Run Python, or a click or focus in the code,
 * imports twin-ui.ts; no byte of Python is fetched before a run
 * (tests/browser/python.test.ts, `npm run size`). A twin the reader edited
 * before (saved-edit.ts) is mounted at once, to show their edit.
 */
import { hasSavedEdit } from './saved-edit.ts';

type Mounted = { run(): void };

const load = (root: HTMLElement): Promise<Mounted> => import('./twin-ui.ts').then((m) => m.mountTwin(root));

for (const root of document.querySelectorAll<HTMLElement>('[data-python-twin]')) {
  const toolbar = root.querySelector<HTMLElement>('[data-py-toolbar]');
  const run = root.querySelector<HTMLButtonElement>('[data-py-run]');
  const code = root.querySelector<HTMLElement>('[data-py-code]');
  if (!toolbar || !run || !code) continue;
  toolbar.hidden = false;
  let mounted: Promise<Mounted> | undefined;
  const mount = () => (mounted ??= load(root));
  // Capture: this first click is answered here; once mounted, twin-ui's own listener runs the program.
  run.addEventListener(
    'click',
    (event) => {
      if (root.dataset.pyMounted !== undefined) return;
      event.stopImmediatePropagation();
      void mount().then((twin) => twin.run());
    },
    { capture: true },
  );
  code.addEventListener('pointerdown', mount, { once: true });
  code.addEventListener('focusin', mount, { once: true });
  // A saved edit is shown at once, as the TypeScript playground's (no Python is loaded for it).
  try {
    const source = JSON.parse(root.querySelector('[data-py-source]')?.textContent ?? '""') as string;
    if (hasSavedEdit(root.dataset.page ?? '', root.dataset.file ?? '', source)) void mount();
  } catch {
    // A damaged source element: the twin mounts on intent, as usual.
  }
}
