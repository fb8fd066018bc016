/**
 * Small helpers shared by the simulated network: sizes in bytes, virtual
 * times rounded to the microsecond, a seeded random generator for jitter.
 */

/** Bytes per second in one decimal megabyte per second (the network speaks decimal units, as link speeds do). */
export const MB_PER_S = 1_000_000;

/**
 * Round a virtual time to the microsecond. Transfer times are fractions of a
 * millisecond (100 bytes at 10 MB/s take 0.01 ms); rounding each computed time
 * keeps float noise (40.010000000000005) out of the trace and the console.
 */
export function roundTime(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** The size of a payload on the wire: UTF-8 bytes of a string, length of a byte array. */
export function byteLength(data: string | Uint8Array): number {
  if (typeof data !== 'string') return data.byteLength;
  // Count UTF-8 bytes without TextEncoder allocations (strings here can be megabytes).
  let bytes = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < data.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** mulberry32: a tiny seeded PRNG, so jitter is repeatable run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shorten `text` to `max` characters for wait labels ("SELECT id, name FROM users WH…"). */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
