/**
 * Mulberry32: a small, fast, seeded 32-bit generator with the same stream on every platform, so
 * that a benchmark's generated instance depends only on its seed and sizes.
 * Reference: Tommy Ettinger's mulberry32 (public domain), as used widely for seeded test data.
 */

/** A seeded generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
