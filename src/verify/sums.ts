/**
 * Exact integer accumulators for the verifier: a Float64Array of running sums that switches a
 * cell to bigint the moment its value would leave the safe-integer range.
 *
 * Model: every addend is a safe integer (|x| ≤ 2^53 − 1; row bytes are checked first). If a cell
 * holds a safe integer `a` and `a + x` rounds to a float `v` with |v| ≤ 2^53 − 1, then the exact
 * sum was representable and `v` is exact (rounding is monotone and 2^53 is representable). Any
 * other result promotes the cell: its exact value moves to a sparse bigint map and the float
 * becomes NaN, which fails the range test of every later addition, so the hot path stays one
 * add and two comparisons and the slow path touches only cells of extreme plans.
 *
 * Invariant: cell i holds `f[i]` exactly when `f[i]` is not NaN, else `big.get(i)`.
 * Complexity: O(1) per operation; O(n) floats plus O(promoted) bigints of memory.
 */

const MAX = Number.MAX_SAFE_INTEGER;

/** Exact running sums over `n` cells. */
export class ExactSums {
  /** Float values of the cells that are still exact (NaN marks a promoted cell). */
  readonly f: Float64Array;
  private readonly big = new Map<number, bigint>();

  constructor(n: number) {
    this.f = new Float64Array(n);
  }

  /** Adds a safe integer to cell `i`. */
  add(i: number, x: number): void {
    const v = this.f[i] + x;
    if (v <= MAX && v >= -MAX) this.f[i] = v;
    else this.addBig(i, BigInt(x));
  }

  /** Adds a bigint to cell `i` (any size). */
  addBig(i: number, x: bigint): void {
    const cur = this.f[i];
    const exact = Number.isNaN(cur) ? this.big.get(i)! : BigInt(cur);
    const sum = exact + x;
    if (sum <= BigInt(MAX) && sum >= -BigInt(MAX)) {
      this.f[i] = Number(sum);
      this.big.delete(i);
    } else {
      this.f[i] = Number.NaN;
      this.big.set(i, sum);
    }
  }

  /** Sets cell `i` to zero. */
  clear(i: number): void {
    this.f[i] = 0;
    this.big.delete(i);
  }

  /** The exact value of cell `i`: a number while it is a safe integer, else a bigint. */
  get(i: number): number | bigint {
    const v = this.f[i];
    return Number.isNaN(v) ? this.big.get(i)! : v;
  }

  /** The exact value of cell `i` as a bigint. */
  bigint(i: number): bigint {
    const v = this.f[i];
    return Number.isNaN(v) ? this.big.get(i)! : BigInt(v);
  }

  /** Sign of cell `i`: −1, 0 or 1. */
  sign(i: number): number {
    const v = this.f[i];
    if (!Number.isNaN(v)) return v > 0 ? 1 : v < 0 ? -1 : 0;
    return this.big.get(i)! > 0n ? 1 : -1;
  }

  /** Compares cell `i` with `y`: −1, 0 or 1. */
  compare(i: number, y: number | bigint): number {
    const v = this.f[i];
    if (!Number.isNaN(v) && typeof y === 'number') return v > y ? 1 : v < y ? -1 : 0;
    const a = this.bigint(i);
    const b = typeof y === 'bigint' ? y : BigInt(y);
    return a > b ? 1 : a < b ? -1 : 0;
  }
}
