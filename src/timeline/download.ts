/**
 * "Download trace (Perfetto)": the run as Chrome trace JSON. The file is built
 * when the link is clicked (a 10k-span trace is not serialised on every run)
 * and its object URL is released when the run changes.
 * Test: "downloads a Chrome trace" in tests/browser/timeline.test.ts.
 */
import { toChromeTrace } from '../trace/chrome-trace.ts';
import type { TraceInput } from '../trace/spans.ts';

/** The download link's state. */
export interface DownloadLink {
  /** A new run (or none): forget the old file. */
  reset(input: TraceInput | null): void;
  dispose(): void;
}

/** Make `link` download the current run's trace. */
export function wireDownload(link: HTMLAnchorElement): DownloadLink {
  let input: TraceInput | null = null;
  let url: string | null = null;
  const release = (): void => {
    if (url) URL.revokeObjectURL(url);
    url = null;
  };
  link.addEventListener('click', (event) => {
    if (!input) {
      event.preventDefault();
      return;
    }
    if (!url) url = URL.createObjectURL(new Blob([JSON.stringify(toChromeTrace(input))], { type: 'application/json' }));
    link.href = url;
  });
  return {
    reset(next) {
      release();
      input = next;
      link.href = '#';
      link.setAttribute('aria-disabled', String(!next));
    },
    dispose: release,
  };
}
