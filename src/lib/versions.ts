/**
 * The versions the guide and the runtime claim to match, stated once
 * (issues 11.6, 19): the Reference page shows them (components/Versions.astro)
 * and docs/versions.md explains them and says what the corpora were checked
 * with; tests/content/versions.test.ts keeps the two in step.
 */
export const CLAIMED_VERSIONS = {
  /** CPython whose asyncio the asyncio layer and the guide follow. */
  cpython: '3.14',
  /** trio release the trio layer follows, with strict exception groups. */
  trio: '0.33',
  /** Node lines whose event loop the JavaScript semantics match. */
  node: ['22', '24'],
} as const;
