/**
 * The keyboard on the focused plot (the keys `timeline.keys` describes):
 * Left / Right pan a tenth of the view, + / - zoom, 0 fits, Home / End jump,
 * Shift + Left / Right move the playhead (the view follows it), Up / Down
 * scroll the lanes, Escape removes the playhead. Keys the view does not use
 * (Up / Down with nothing to scroll, Escape without a playhead) reach the page.
 * Test: "keyboard: ..." in tests/browser/timeline.test.ts.
 */
import type { Controls } from './controls.ts';
import { ROW_H } from './viewport.ts';

/** Zoom factor of one key press (and of the toolbar's buttons). */
export const ZOOM_STEP = 1.6;

/** Listen to keys on `plot`. */
export function attachKeyboard(plot: HTMLElement, controls: Controls): void {
  const { view } = controls;
  plot.addEventListener('keydown', (event) => {
    if (!view.model || event.altKey || event.ctrlKey || event.metaKey) return;
    let handled = true;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const dir = event.key === 'ArrowLeft' ? -1 : 1;
        if (event.shiftKey) movePlayhead(controls, dir);
        else {
          view.pan(dir * 0.1);
          controls.rangeChanged();
        }
        break;
      }
      case '+':
      case '=':
        view.zoom(ZOOM_STEP);
        controls.rangeChanged();
        break;
      case '-':
      case '_':
        view.zoom(1 / ZOOM_STEP);
        controls.rangeChanged();
        break;
      case '0':
        view.fit();
        controls.rangeChanged();
        break;
      case 'Home':
        view.home();
        controls.rangeChanged();
        break;
      case 'End':
        view.end();
        controls.rangeChanged();
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        if (view.maxScroll() === 0) handled = false;
        else if (view.scrollTo(view.scrollY + (event.key === 'ArrowUp' ? -ROW_H : ROW_H))) controls.scrolled();
        break;
      case 'Escape':
        if (controls.playhead()) controls.setPlayhead(null);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  });
}

/** Move the playhead by a tenth of the visible range (at least one step); the view follows it. */
function movePlayhead(controls: Controls, dir: number): void {
  const { view } = controls;
  const e = view.extent();
  const { from, to } = view.range;
  const current = controls.playhead();
  const cur = current ? view.valueOf(current) : from;
  const v = Math.min(Math.max(cur + dir * Math.max((to - from) / 10, view.axis === 'steps' ? 1 : 0), e.min), e.max);
  // The playhead's own announcement says where it is, so following it is not announced again.
  view.reveal(v);
  controls.setPlayhead(view.positionAt(v));
}
