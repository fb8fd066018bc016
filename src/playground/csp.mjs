// @ts-check
/**
 * The Content-Security-Policy a host needs for the playground: the README's
 * policy (scripts/serve.mjs) with 'unsafe-eval' added to script-src. The
 * sandbox frame (srcdoc) and its blob workers inherit the page's policy, and
 * the runtime builds each program with `new Function`, so without it no
 * program can run (see src/playground/README.md). Used by the playground's
 * browser tests and bench/web.mjs.
 */
import { CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';

/** The site's policy plus what running programs needs. */
export const PLAYGROUND_CSP = CONTENT_SECURITY_POLICY.includes("'unsafe-eval'")
  ? CONTENT_SECURITY_POLICY
  : CONTENT_SECURITY_POLICY.replace(/script-src ([^;]*)/, "script-src $1 'unsafe-eval'");
