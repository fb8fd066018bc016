/**
 * The view's colours follow the site's theme: read the `--tl-*` variables that
 * timeline.css maps to both themes, and read them again when `data-theme` on
 * <html> or the system preference changes. Test: "redraws in the other theme"
 * in tests/browser/timeline.test.ts.
 */
import { THEME_HOOK } from './hooks.ts';
import { COLOR_KEYS, cssVar, paletteFor, type Palette } from './styles.ts';

/** The current palette, kept up to date until dispose(). */
export interface ThemeWatch {
  palette(): Palette;
  dispose(): void;
}

/** Watch the theme of `container`'s document; `onChange` runs after each change (not on the first read). */
export function watchTheme(container: HTMLElement, onChange: (palette: Palette) => void): ThemeWatch {
  const doc = container.ownerDocument;
  const win = doc.defaultView ?? window;
  const read = (): Palette => {
    const root = doc.documentElement;
    const theme = root.dataset[THEME_HOOK];
    const dark = theme === 'dark' || (theme !== 'light' && win.matchMedia?.('(prefers-color-scheme: dark)').matches === true);
    const style = win.getComputedStyle(container);
    const next = { ...paletteFor(dark ? 'dark' : 'light') };
    for (const key of COLOR_KEYS) {
      const v = style.getPropertyValue(cssVar(key)).trim();
      if (v) next[key] = v;
    }
    return next;
  };
  let palette = read();
  const changed = (): void => {
    palette = read();
    onChange(palette);
  };
  const observer = new MutationObserver(changed);
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: [`data-${THEME_HOOK}`, 'class'] });
  const media = win.matchMedia?.('(prefers-color-scheme: dark)');
  media?.addEventListener('change', changed);
  return {
    palette: () => palette,
    dispose() {
      observer.disconnect();
      media?.removeEventListener('change', changed);
    },
  };
}
