/**
 * A Goldfarb–Grigoriadis random frame network (RMF) built in memory, for in-process max-flow
 * cases that need no external generator: `b` frames, each an `a × a` grid whose neighbours are
 * joined both ways with capacity `c2·a²`; node `i` of frame `k` has one arc to node `π_k(i)` of
 * frame `k+1` (a fresh random permutation per frame pair) with capacity uniform in `[c1, c2]`.
 * Source: node 0 (a corner of the first frame); sink: the last node (the opposite corner of the
 * last frame). N = a²b, M = 5a²b − 4ab − a².
 *
 * Determinism: the same (a, b, seed) give the same arrays on every platform (mulberry32).
 *
 * Reference: D. Goldfarb, M. D. Grigoriadis, "A computational comparison of the Dinic and network
 * simplex methods for maximum flow", Annals of Operations Research 13 (1988); the LONG shape
 * (b ≈ a²) as in B. V. Cherkassky, A. V. Goldberg, Algorithmica 19(4) (1997).
 */
import { mulberry32 } from './random.js';

/** An instance as parallel arc arrays (0-based nodes). */
export interface RmfInstance {
  readonly nodes: number;
  readonly tails: Int32Array;
  readonly heads: Int32Array;
  readonly caps: Float64Array;
  readonly source: number;
  readonly sink: number;
}

/**
 * Builds the RMF instance (see the module header).
 * @param a - grid side (≥ 2)
 * @param b - number of frames (≥ 2)
 * @param seed - PRNG seed
 * @param c1 - smallest inter-frame capacity @defaultValue 1
 * @param c2 - largest inter-frame capacity @defaultValue 10000
 */
export function rmfNetwork(a: number, b: number, seed: number, c1 = 1, c2 = 10_000): RmfInstance {
  if (!(Number.isInteger(a) && a >= 2 && Number.isInteger(b) && b >= 2)) {
    throw new RangeError(`rmfNetwork: a and b must be integers ≥ 2, got a=${a}, b=${b}`);
  }
  const rnd = mulberry32(seed);
  const perFrame = a * a;
  const n = perFrame * b;
  const m = 5 * perFrame * b - 4 * a * b - perFrame;
  const tails = new Int32Array(m);
  const heads = new Int32Array(m);
  const caps = new Float64Array(m);
  let k = 0;
  const arc = (u: number, v: number, c: number) => {
    tails[k] = u;
    heads[k] = v;
    caps[k] = c;
    k++;
  };
  const inner = c2 * perFrame;
  const perm = new Int32Array(perFrame);
  for (let f = 0; f < b; f++) {
    const base = f * perFrame;
    for (let r = 0; r < a; r++) {
      for (let c = 0; c < a; c++) {
        const v = base + r * a + c;
        if (c + 1 < a) {
          arc(v, v + 1, inner);
          arc(v + 1, v, inner);
        }
        if (r + 1 < a) {
          arc(v, v + a, inner);
          arc(v + a, v, inner);
        }
      }
    }
    if (f + 1 < b) {
      // Fisher–Yates shuffle: the permutation joining this frame to the next.
      for (let i = 0; i < perFrame; i++) perm[i] = i;
      for (let i = perFrame - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        const t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      for (let i = 0; i < perFrame; i++)
        arc(base + i, base + perFrame + perm[i], c1 + Math.floor(rnd() * (c2 - c1 + 1)));
    }
  }
  if (k !== m) throw new Error(`rmfNetwork: built ${k} arcs, expected ${m}`);
  return { nodes: n, tails, heads, caps, source: 0, sink: n - 1 };
}
