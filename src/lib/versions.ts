/**
 * The versions the guide and the runtime claim to match, and the exact
 * interpreters the test corpora were generated with: stated here once
 * (issues 11.6, 19). The Reference page shows them (components/Versions.astro);
 * docs/versions.md explains them; tests/content/versions.test.ts checks that
 * docs/versions.md, the runtime's README, the corpus README and every
 * tests/corpus/semantics/<case>/expected.json say the same.
 */
export const CLAIMED_VERSIONS = {
  /** CPython whose asyncio the asyncio layer and the guide follow. */
  cpython: '3.14',
  /** trio release the trio layer follows, with strict exception groups (its default). */
  trio: '0.34',
  /** Node lines whose event loop the JavaScript semantics match. */
  node: ['22', '24'],
} as const;

/** What the corpora were generated with and checked on (recorded by the generators). */
export const CORPUS_VERSIONS = {
  /** tests/corpus/semantics, asyncio programs: the CPython that printed expected.json (as Pyodide ships it)... */
  asyncio: { python: '3.14.2', interpreter: 'Pyodide 314.0.8' },
  /** ...and the desktop CPython each was also run on ("also" in expected.json: same / differs / fails). */
  asyncioAlso: 'CPython 3.11.7',
  /** tests/corpus/semantics, trio programs: the trio release (a checkout of its tag) and the CPython that ran it... */
  trio: { trio: '0.34.0', python: '3.11.7' },
  /** ...and the older trio each was also run on (with strict_exception_groups=True). */
  trioAlso: 'trio 0.22.2 (CPython 3.11.7)',
  /** tests/corpus/ordering: the Node that printed the .out files, and the one they were re-checked with (scripts/corpus/check-ordering.mjs). */
  node: { generated: '22.23.3', checked: '24.21.0' },
} as const;
