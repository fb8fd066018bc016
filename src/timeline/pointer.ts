/**
 * Mouse, pen and touch on the canvas: hover shows the tooltip, dragging the
 * plot pans (and scrolls the lanes), dragging along the axis strip scrubs the
 * playhead, two fingers pinch-zoom, Ctrl/Cmd + wheel (and trackpad pinch, which
 * arrives as ctrl + wheel) zooms at the pointer, horizontal or Shift + wheel
 * pans, and a plain vertical wheel scrolls the lanes, then the page (the view
 * never traps page scrolling). On a touch screen a tap shows what hover shows.
 * Tests: "timeline: zoom, pan, keyboard, scrub" and "touch" in tests/browser/timeline.test.ts.
 */
import type { Controls } from './controls.ts';
import { plotWidth, valueAt } from './geometry.ts';
import { panRange, zoomRange, type Range } from './scale.ts';

type Point = { x: number; y: number };
type Drag = { kind: 'pan' | 'scrub' | 'pinch'; x: number; y: number; range: Range; scrollY: number; dist: number };

/** A pointer that moved less than this (px) did not drag. */
const DRAG_PX = 3;

/** Listen to the pointer and the wheel on `canvas`. */
export function attachPointer(canvas: HTMLCanvasElement, controls: Controls): void {
  const { view } = controls;
  const pointers = new Map<number, Point>();
  let drag: Drag | null = null;
  const local = (event: MouseEvent): Point => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  const scrubAtX = (x: number): void => {
    const g = view.geometry();
    controls.setPlayhead(view.positionAt(valueAt(g, Math.min(Math.max(x, g.labelWidth), g.width))));
  };
  const twoFingers = (): [Point, Point] => [...pointers.values()] as [Point, Point];

  canvas.addEventListener('pointerdown', (event) => {
    if (!view.model) return;
    const p = local(event);
    pointers.set(event.pointerId, p);
    try {
      canvas.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic or already-released pointers cannot be captured; dragging still works inside the canvas.
    }
    if (pointers.size === 2) {
      const [a, b] = twoFingers();
      drag = { kind: 'pinch', x: (a.x + b.x) / 2, y: 0, range: view.range, scrollY: view.scrollY, dist: Math.abs(a.x - b.x) || 1 };
      return;
    }
    const onAxis = p.y < view.geometry().headerHeight;
    drag = { kind: onAxis ? 'scrub' : 'pan', x: p.x, y: p.y, range: view.range, scrollY: view.scrollY, dist: 0 };
    if (onAxis) scrubAtX(p.x);
  });
  canvas.addEventListener('pointermove', (event) => {
    const p = local(event);
    if (pointers.has(event.pointerId)) pointers.set(event.pointerId, p);
    if (drag && view.model) {
      const g = view.geometry();
      if (drag.kind === 'scrub') scrubAtX(p.x);
      else if (drag.kind === 'pan') {
        const dv = ((p.x - drag.x) / plotWidth(g)) * (drag.range.to - drag.range.from);
        view.range = panRange(drag.range, -dv, view.extent());
        view.scrollTo(drag.scrollY - (p.y - drag.y));
        controls.rangeChanged();
      } else if (drag.kind === 'pinch' && pointers.size === 2) {
        const [a, b] = twoFingers();
        const dist = Math.abs(a.x - b.x) || 1;
        const anchor = valueAt({ ...g, range: drag.range }, drag.x);
        view.range = zoomRange(drag.range, dist / drag.dist, anchor, view.extent());
        controls.rangeChanged();
      }
      if (drag.kind !== 'scrub' && (Math.abs(p.x - drag.x) > DRAG_PX || Math.abs(p.y - drag.y) > DRAG_PX)) controls.clearHover();
      return;
    }
    if (view.model) controls.hoverAt(p.x, p.y);
  });
  const endPointer = (event: PointerEvent): void => {
    pointers.delete(event.pointerId);
    if (pointers.size === 0) drag = null;
  };
  canvas.addEventListener('pointerup', (event) => {
    const tap = drag?.kind === 'pan' && pointers.size === 1 && event.pointerType !== 'mouse';
    const p = local(event);
    const still = drag !== null && Math.abs(p.x - drag.x) <= DRAG_PX && Math.abs(p.y - drag.y) <= DRAG_PX;
    endPointer(event);
    // A touch screen has no hover: a tap shows what hover shows (and a tap on nothing hides it).
    if (tap && still && view.model) controls.hoverAt(p.x, p.y);
  });
  canvas.addEventListener('pointercancel', endPointer);
  canvas.addEventListener('pointerleave', (event) => {
    // A finger lifting "leaves" the canvas too: what a tap showed stays until the next tap.
    if (!drag && event.pointerType !== 'touch') controls.clearHover();
  });

  canvas.addEventListener('wheel', (event) => {
    if (!view.model) return;
    const g = view.geometry();
    const p = local(event);
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      view.zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), valueAt(g, Math.max(p.x, g.labelWidth)));
      controls.rangeChanged();
      return;
    }
    const dx = event.shiftKey ? event.deltaY : event.deltaX;
    if (Math.abs(dx) > 0 && Math.abs(dx) >= Math.abs(event.shiftKey ? 0 : event.deltaY)) {
      event.preventDefault();
      view.pan(dx / plotWidth(g));
      controls.rangeChanged();
      return;
    }
    if (view.scrollTo(view.scrollY + event.deltaY)) {
      event.preventDefault();
      controls.scrolled();
    }
  }, { passive: false });
}
